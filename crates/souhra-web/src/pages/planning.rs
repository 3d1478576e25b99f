//! Writing plans in the administration: an area's plans (`/sprava/{area}/plany`, a new plan),
//! a plan's newest version with its workflow, vision and content tree
//! (`/sprava/{area}/plan/{id}`), and one element's form (`…/prvek/{key}`). Saves carry the
//! revision they started from; a save over someone else's newer one is refused with both texts
//! shown, nothing overwritten. Working-group members write; coordinators also create plans and
//! move them through comment, approval and into force.

use axum::Form;
use axum::extract::{OriginalUri, Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::NaiveDate;
use fluent_bundle::FluentArgs;
use serde::{Deserialize, Serialize};
use souhra_core::area::Area;
use souhra_core::codelist::Codelist;
use souhra_core::plan::{
    Approval, ElementKey, ElementKind, Period, PlanKind, PlanStatus, clean_text,
};
use souhra_core::policy::{Action, Within, allows};
use souhra_store::StoreError;
use souhra_store::plan::{
    Element, ElementContent, ElementDetails, NewPlan, Plan, PlanChange, PlanId, PlanVersion,
};

use super::admin::{area_page, area_post, chain};
use super::path_of;
use super::plans::{plan_href, published};
use crate::auth::{Signed, private};
use crate::error::AppError;
use crate::i18n::Lang;
use crate::page::{Page, view};
use crate::state::AppState;

pub(crate) fn change(signed: &Signed) -> PlanChange {
    PlanChange {
        by: Some(signed.account.id),
        at: chrono::Utc::now(),
    }
}

pub(crate) async fn may(
    state: &AppState,
    signed: &Signed,
    area: &Area,
    action: &Action,
) -> Result<bool, AppError> {
    let parents = chain(state, area).await?;
    Ok(allows(
        &signed.account.grants,
        action,
        Some(Within {
            area: area.id,
            parents: &parents,
        }),
    ))
}

pub(crate) fn text(state: &AppState, lang: Lang, key: &str) -> String {
    state.translations().text(lang, key, None)
}

/// The plan `id` of the area, or 404.
pub(crate) async fn plan_in(state: &AppState, area: &Area, id: i64) -> Result<Plan, AppError> {
    state
        .store()
        .plan(PlanId(id))
        .await?
        .filter(|p| p.area == area.id)
        .ok_or(AppError::NotFound)
}

fn newest(plan: &Plan) -> Result<&PlanVersion, AppError> {
    plan.latest()
        .ok_or_else(|| AppError::Internal(format!("plan {} has no version", plan.id.0)))
}

#[derive(Serialize)]
struct PlanRow {
    id: i64,
    title: String,
    kind: &'static str,
    from: i32,
    to: i32,
    number: i64,
    status: &'static str,
    public_href: Option<String>,
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct NewPlanForm {
    #[serde(default)]
    druh: String,
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    tema: String,
    #[serde(default)]
    od: String,
    #[serde(default)]
    do_: String,
    #[serde(default)]
    csrf: String,
}

async fn plans_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    form: &NewPlanForm,
    problem: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let plans: Vec<PlanRow> = state
        .store()
        .plans_of_area(area.id)
        .await?
        .iter()
        .filter_map(|p| {
            let v = p.latest()?;
            Some(PlanRow {
                id: p.id.0,
                title: p.title.clone(),
                kind: p.kind.key(),
                from: p.period.from,
                to: p.period.to,
                number: v.number,
                status: v.status.key(),
                public_href: published(p).map(|_| plan_href(area.slug.as_str(), p.id.0, &p.title)),
            })
        })
        .collect();
    let manage = may(state, signed, area, &Action::ManagePlans).await?;
    let kinds: Vec<&str> = PlanKind::ALL.iter().map(|k| k.key()).collect();
    let html = Page::new(state, lang, &format!("/sprava/{}/plany", area.slug))
        .title(format!(
            "{} – {}",
            text(state, lang, "plans-title"),
            area.name
        ))
        .nav("admin")
        .render(
            "admin_plans.html",
            view! {
                area_name => area.name,
                area_slug => area.slug.to_string(),
                plans,
                manage,
                kinds,
                form,
                problem,
                csrf => signed.csrf,
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// `/sprava/{area}/plany`: the area's plans, and a new one for coordinators.
pub(crate) async fn plans(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let form = NewPlanForm {
        druh: PlanKind::CommunityPlan.key().into(),
        ..NewPlanForm::default()
    };
    plans_page(&state, lang, &signed, &area, &form, None, StatusCode::OK).await
}

/// Creates a plan with an empty draft.
pub(crate) async fn create(
    State(state): State<AppState>,
    lang: Lang,
    Path(slug): Path<String>,
    headers: HeaderMap,
    form: Result<Form<NewPlanForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let kind = PlanKind::from_key(&form.druh).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let year = |t: &str| t.trim().parse::<i32>().ok();
    let parsed = match (year(&form.od), year(&form.do_)) {
        (Some(from), Some(to)) => {
            Period::new(kind, from, to).map_err(|_| "planning-period-invalid")
        }
        _ => Err("planning-period-invalid"),
    }
    .and_then(|period| {
        clean_text(&form.nazev, "title", 300, false)
            .map(|title| (period, title))
            .map_err(|_| "planning-title-invalid")
    });
    let (period, title) = match parsed {
        Ok(ok) => ok,
        Err(key) => {
            let mut args = FluentArgs::new();
            args.set("max", kind.max_years());
            let message = state.translations().text(lang, key, Some(&args));
            return plans_page(
                &state,
                lang,
                &signed,
                &area,
                &form,
                Some(message),
                StatusCode::BAD_REQUEST,
            )
            .await;
        }
    };
    let new = NewPlan {
        area: area.id,
        kind,
        title,
        topic: Some(form.tema.trim().to_owned()).filter(|t| !t.is_empty()),
        period,
    };
    let (plan, _) = state.store().create_plan(&new, change(&signed)).await?;
    Ok(Redirect::to(&format!("/sprava/{}/plan/{}", area.slug, plan.0)).into_response())
}

#[derive(Serialize)]
struct TreeRow {
    key: String,
    kind: &'static str,
    title: String,
    depth: usize,
    /// The kind of element that may be added under this one.
    child_kind: Option<&'static str>,
}

fn rows(elements: &[Element]) -> Vec<TreeRow> {
    let depth_of = |e: &Element| match e.kind {
        ElementKind::Chapter | ElementKind::Priority | ElementKind::NetworkEntry => 0,
        ElementKind::Goal => 1,
        ElementKind::Measure => 2,
        ElementKind::Activity => 3,
    };
    elements
        .iter()
        .map(|e| TreeRow {
            key: e.key.to_string(),
            kind: e.kind.key(),
            title: e.title.clone(),
            depth: depth_of(e),
            child_kind: ElementKind::ALL
                .iter()
                .find(|k| k.parent() == Some(e.kind))
                .map(|k| k.key()),
        })
        .collect()
}

#[derive(Serialize)]
struct Step {
    status: &'static str,
    needs_approval: bool,
}

/// `/sprava/{area}/plan/{id}`: the newest version with its workflow and content.
pub(crate) async fn plan(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = plan_in(&state, &area, id).await?;
    AdminPlanPage {
        lang,
        uri: &uri,
        signed: &signed,
        area: &area,
        plan: &plan,
    }
    .render(&state, Refused::default(), StatusCode::OK)
    .await
}

/// What a refused form shows on a plan's page.
#[derive(Default)]
pub(crate) struct Refused {
    /// The view of a refused balance report form.
    pub report: Option<super::yearly::YearView>,
    /// The message at the top.
    pub problem: Option<String>,
    /// Problems by row of a refused import.
    pub problems: Vec<String>,
}

/// The administration's page of a plan.
pub(crate) struct AdminPlanPage<'a> {
    pub lang: Lang,
    pub uri: &'a OriginalUri,
    pub signed: &'a Signed,
    pub area: &'a Area,
    pub plan: &'a Plan,
}

impl AdminPlanPage<'_> {
    /// Renders the page; a yearly document shows the view of a refused report form instead of
    /// the stored one when given.
    pub(crate) async fn render(
        &self,
        state: &AppState,
        refused: Refused,
        status: StatusCode,
    ) -> Result<Response, AppError> {
        let Self {
            lang,
            uri,
            signed,
            area,
            plan,
        } = *self;
        let version = newest(plan)?;
        let elements = state.store().plan_elements(version.id).await?;
        let open = !version.status.is_frozen();
        let edit = open && may(state, signed, area, &Action::EditPlan).await?;
        let manage = may(state, signed, area, &Action::ManagePlans).await?;
        let steps: Vec<Step> = if manage {
            PlanStatus::ALL
                .iter()
                .filter(|s| version.status.may_become(plan.kind, **s))
                .map(|s| Step {
                    status: s.key(),
                    needs_approval: *s == PlanStatus::Approved,
                })
                .collect()
        } else {
            Vec::new()
        };
        let Refused {
            report,
            problem,
            problems,
        } = refused;
        let yearly = match report {
            Some(view) => Some(view),
            None if plan.kind.is_yearly() => Some(
                super::yearly::view(
                    state,
                    area.slug.as_str(),
                    plan,
                    version,
                    &super::yearly::ReportForm::default(),
                )
                .await?,
            ),
            None => None,
        };
        let message = match uri.0.query() {
            Some("stav=ulozeno") if problem.is_none() => Some(text(state, lang, "admin-saved")),
            _ => None,
        };
        let comment_defaults = if steps
            .iter()
            .any(|s| s.status == PlanStatus::InComment.key())
        {
            Some(super::comments_admin::period_defaults(state, area).await?)
        } else {
            None
        };
        let has_comments = !state.store().comment_periods(plan.id).await?.is_empty();
        let network = if plan.kind == PlanKind::ServiceNetwork {
            Some(super::network::admin_view(state, lang, area, plan, version).await?)
        } else {
            None
        };
        let inputs = if plan.kind.has_structure() && manage {
            super::network::input_choices(state, area, plan).await?
        } else {
            Vec::new()
        };
        let top_kinds: Vec<&str> = if plan.kind.has_structure() {
            vec![ElementKind::Chapter.key(), ElementKind::Priority.key()]
        } else {
            vec![ElementKind::Chapter.key()]
        };
        let html = Page::new(state, lang, &path_of(uri))
            .title(plan.title.clone())
            .nav("admin")
            .render(
                "admin_plan.html",
                view! {
                    area_name => area.name,
                    area_slug => area.slug.to_string(),
                    id => plan.id.0,
                    title => plan.title,
                    kind => plan.kind.key(),
                    from => plan.period.from,
                    to => plan.period.to,
                    number => version.number,
                    status => version.status.key(),
                    approval => version.approval,
                    vision => version.vision.clone().unwrap_or_default(),
                    revision => version.revision,
                    rows => rows(&elements),
                    top_kinds,
                    edit,
                    manage,
                    frozen => !open,
                    steps,
                    comment_defaults,
                    has_comments,
                    message,
                    problem,
                    problems,
                    yearly,
                    network,
                    inputs,
                    import => edit && plan.kind.has_structure() && elements.is_empty(),
                    public_href => published(plan).map(|_| plan_href(area.slug.as_str(), plan.id.0, &plan.title)),
                    csrf => signed.csrf,
                },
            )?;
        Ok(private((status, html).into_response()))
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct VisionForm {
    #[serde(default)]
    vize: String,
    #[serde(default)]
    revize: i64,
    #[serde(default)]
    csrf: String,
}

/// Why a plan could not be saved, as the people who wrote it should read it.
fn refusal(
    state: &AppState,
    lang: Lang,
    error: StoreError,
) -> Result<(StatusCode, String), AppError> {
    match error {
        StoreError::Conflict(_) => {
            Ok((StatusCode::CONFLICT, text(state, lang, "planning-conflict")))
        }
        StoreError::Invalid(_) => Ok((
            StatusCode::BAD_REQUEST,
            text(state, lang, "planning-refused"),
        )),
        other => Err(other.into()),
    }
}

fn refused_page(
    state: &AppState,
    lang: Lang,
    area: &Area,
    plan: i64,
    (status, message): (StatusCode, String),
    typed: &str,
) -> Result<Response, AppError> {
    let html = Page::new(state, lang, &format!("/sprava/{}/plan/{plan}", area.slug))
        .title(text(state, lang, "planning-refused-title"))
        .nav("admin")
        .render(
            "admin_plan_refused.html",
            view! {
                message,
                typed,
                back => format!("/sprava/{}/plan/{plan}", area.slug),
            },
        )?;
    Ok(private((status, html).into_response()))
}

/// Saves the vision of the newest version.
pub(crate) async fn save_vision(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<VisionForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = newest(&plan)?;
    let vision = Some(form.vize.as_str()).filter(|v| !v.trim().is_empty());
    match state
        .store()
        .set_vision(version.id, form.revize, vision, change(&signed))
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}?stav=ulozeno", area.slug)).into_response(),
        ),
        Err(e) => refused_page(
            &state,
            lang,
            &area,
            id,
            refusal(&state, lang, e)?,
            &form.vize,
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct AddForm {
    #[serde(default)]
    druh: String,
    #[serde(default)]
    nadrazeny: String,
    #[serde(default)]
    nazev: String,
    /// Set: a chapter holding the area's analysis of the social situation.
    #[serde(default)]
    analyza: String,
    #[serde(default)]
    csrf: String,
}

/// Adds an element (at the end of its siblings) and opens its form.
pub(crate) async fn add(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<AddForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = newest(&plan)?;
    let kind =
        ElementKind::from_key(&form.druh).map_err(|e| AppError::BadRequest(e.to_string()))?;
    let parent = match form.nadrazeny.trim() {
        "" => None,
        key => Some(ElementKey::parse(key).map_err(|e| AppError::BadRequest(e.to_string()))?),
    };
    let content = if !form.analyza.is_empty() && kind == ElementKind::Chapter {
        let inputs = super::analysis::Inputs::load(&state, area.clone()).await?;
        let (title, markdown) = super::analysis::chapter(&state, lang, &inputs).await?;
        ElementContent {
            title,
            body: Some(markdown),
            details: ElementDetails::default(),
        }
    } else {
        let title = match form.nazev.trim() {
            "" => text(&state, lang, &format!("planning-new-{}", kind.key())),
            typed => typed.to_owned(),
        };
        ElementContent {
            title,
            body: None,
            details: ElementDetails::default(),
        }
    };
    match state
        .store()
        .add_plan_element(version.id, kind, parent.as_ref(), &content, change(&signed))
        .await
    {
        Ok(key) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}/prvek/{key}", area.slug)).into_response(),
        ),
        Err(e) => refused_page(
            &state,
            lang,
            &area,
            id,
            refusal(&state, lang, e)?,
            &form.nazev,
        ),
    }
}

#[derive(Debug, Default, Deserialize, Serialize)]
pub(crate) struct ElementForm {
    #[serde(default)]
    nazev: String,
    #[serde(default)]
    text: String,
    #[serde(default)]
    zduvodneni: String,
    #[serde(default)]
    skupiny: Vec<String>,
    #[serde(default)]
    organizace: String,
    #[serde(default)]
    osoba: String,
    #[serde(default)]
    partneri: String,
    #[serde(default)]
    zacatek: String,
    #[serde(default)]
    konec: String,
    #[serde(default)]
    vystupy: String,
    /// Linked catalogue services (ids).
    #[serde(default)]
    sluzby: Vec<i64>,
    /// Whether the form showed the list of services (else the stored links stay).
    #[serde(default)]
    sluzby_seznam: bool,
    /// The analysis findings the measure answers (keys).
    #[serde(default)]
    zjisteni: Vec<String>,
    /// Whether the form showed the list of findings (else the stored ones stay).
    #[serde(default)]
    zjisteni_seznam: bool,
    /// The measure needs a decision of the region.
    #[serde(default)]
    kraj: bool,
    #[serde(default)]
    revize: i64,
    #[serde(default)]
    csrf: String,
}

fn given(text: &str) -> Option<String> {
    Some(text.trim().to_owned()).filter(|t| !t.is_empty())
}

impl ElementForm {
    fn of(e: &Element) -> Self {
        let d = &e.details;
        let text = |v: &Option<String>| v.clone().unwrap_or_default();
        Self {
            nazev: e.title.clone(),
            text: text(&e.body),
            zduvodneni: text(&d.justification),
            skupiny: d.target_groups.clone(),
            organizace: text(&d.responsible_organization),
            osoba: text(&d.responsible_person),
            partneri: text(&d.partners),
            zacatek: d.start.map(|s| s.to_string()).unwrap_or_default(),
            konec: d.end.map(|s| s.to_string()).unwrap_or_default(),
            vystupy: text(&d.outputs),
            sluzby: d.services.clone(),
            sluzby_seznam: false,
            zjisteni: d.findings.iter().map(|f| f.key()).collect(),
            zjisteni_seznam: false,
            kraj: d.needs_region,
            revize: e.revision,
            csrf: String::new(),
        }
    }

    /// The content typed (the stored linked services when the form did not show their list),
    /// or the key of the first field at fault. `services` are the ids of the area's services.
    fn content(
        &self,
        stored: &Element,
        groups: &[String],
        services: &[i64],
        findings: &[String],
    ) -> Result<ElementContent, &'static str> {
        let date = |t: &str| -> Result<Option<NaiveDate>, &'static str> {
            match t.trim() {
                "" => Ok(None),
                t => NaiveDate::parse_from_str(t, "%Y-%m-%d")
                    .map(Some)
                    .map_err(|_| "planning-date-invalid"),
            }
        };
        let (start, end) = (date(&self.zacatek)?, date(&self.konec)?);
        if let (Some(s), Some(e)) = (start, end)
            && e < s
        {
            return Err("planning-dates-reversed");
        }
        if clean_text(&self.nazev, "title", 500, false).is_err() {
            return Err("planning-title-invalid");
        }
        if self.skupiny.iter().any(|g| !groups.contains(g)) {
            return Err("planning-refused");
        }
        let linked = if self.sluzby_seznam {
            if self.sluzby.iter().any(|id| !services.contains(id)) {
                return Err("planning-refused");
            }
            let mut ids = self.sluzby.clone();
            ids.sort_unstable();
            ids.dedup();
            ids
        } else {
            stored.details.services.clone()
        };
        let cited = if self.zjisteni_seznam {
            let mut cited = Vec::new();
            for key in &self.zjisteni {
                if !findings.contains(key) {
                    return Err("planning-refused");
                }
                let finding =
                    souhra_core::analysis::Finding::parse(key).map_err(|_| "planning-refused")?;
                if !cited.contains(&finding) {
                    cited.push(finding);
                }
            }
            cited
        } else {
            stored.details.findings.clone()
        };
        Ok(ElementContent {
            title: self.nazev.trim().to_owned(),
            body: given(&self.text),
            details: ElementDetails {
                justification: given(&self.zduvodneni),
                target_groups: self.skupiny.clone(),
                services: linked,
                responsible_organization: given(&self.organizace),
                responsible_person: given(&self.osoba),
                partners: given(&self.partneri),
                start,
                end,
                outputs: given(&self.vystupy),
                findings: cited,
                needs_region: if self.zjisteni_seznam {
                    self.kraj
                } else {
                    stored.details.needs_region
                },
                network: None,
            },
        })
    }
}

#[derive(Serialize)]
struct ServiceChoice {
    id: i64,
    name: String,
    organization: String,
    checked: bool,
}

#[derive(Serialize)]
struct GroupChoice {
    key: String,
    label: String,
    checked: bool,
}

#[allow(clippy::too_many_arguments)]
async fn element_page(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    plan: &Plan,
    element: &Element,
    form: &ElementForm,
    message: Option<String>,
    status: StatusCode,
) -> Result<Response, AppError> {
    let labels = state.labels();
    let groups: Vec<GroupChoice> = state
        .store()
        .codelist(Codelist::TargetGroup)
        .await?
        .into_iter()
        .map(|e| GroupChoice {
            checked: form.skupiny.contains(&e.key),
            label: labels.label(Codelist::TargetGroup, &e.key),
            key: e.key,
        })
        .collect();
    let services: Vec<ServiceChoice> = if element.kind == ElementKind::Measure {
        state
            .store()
            .services_in_area(area.id)
            .await?
            .into_iter()
            .map(|s| ServiceChoice {
                checked: form.sluzby.contains(&s.id.0),
                id: s.id.0,
                name: s.name,
                organization: s.organization,
            })
            .collect()
    } else {
        Vec::new()
    };
    let findings: Vec<GroupChoice> = if element.kind == ElementKind::Measure {
        super::analysis::finding_choices(state, lang, area, &element.details.findings)
            .await?
            .into_iter()
            .map(|(key, label)| GroupChoice {
                checked: form.zjisteni.contains(&key),
                key,
                label,
            })
            .collect()
    } else {
        Vec::new()
    };
    let version = newest(plan)?;
    let writer = may(state, signed, area, &Action::EditPlan).await?;
    let edit = !version.status.is_frozen() && writer;
    let figures = super::plan_figures::figures(state, plan, version, element).await?;
    let html = Page::new(
        state,
        lang,
        &format!(
            "/sprava/{}/plan/{}/prvek/{}",
            area.slug, plan.id.0, element.key
        ),
    )
    .title(element.title.clone())
    .nav("admin")
    .render(
        "admin_plan_element.html",
        view! {
            area_name => area.name,
            area_slug => area.slug.to_string(),
            id => plan.id.0,
            plan_title => plan.title,
            key => element.key.to_string(),
            kind => element.kind.key(),
            detailed => matches!(element.kind, ElementKind::Measure | ElementKind::Activity),
            measure => element.kind == ElementKind::Measure,
            form,
            groups,
            services,
            findings,
            edit,
            record => writer,
            figures,
            message,
            is_problem => status != StatusCode::OK,
            conflict => status == StatusCode::CONFLICT,
            saved_title => element.title,
            saved_text => element.body.clone().unwrap_or_default(),
            csrf => signed.csrf,
        },
    )?;
    Ok(private((status, html).into_response()))
}

/// A plan of an area, its newest version and one of its elements.
pub(crate) struct PlanElement {
    pub plan: Plan,
    pub version: souhra_store::plan::VersionId,
    pub element: Element,
}

/// The element `key` of the newest version of the area's plan `id`, or 404.
pub(crate) async fn plan_element(
    state: &AppState,
    area: &Area,
    id: i64,
    key: &str,
) -> Result<PlanElement, AppError> {
    let plan = plan_in(state, area, id).await?;
    let element = element_of(state, &plan, key).await?;
    let version = newest(&plan)?.id;
    Ok(PlanElement {
        plan,
        version,
        element,
    })
}

/// The element's page again, as stored, with `message` about a refused form (400).
pub(crate) async fn show_element(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    area: &Area,
    found: &PlanElement,
    message: String,
) -> Result<Response, AppError> {
    element_page(
        state,
        lang,
        signed,
        area,
        &found.plan,
        &found.element,
        &ElementForm::of(&found.element),
        Some(message),
        StatusCode::BAD_REQUEST,
    )
    .await
}

async fn element_of(state: &AppState, plan: &Plan, key: &str) -> Result<Element, AppError> {
    let key = ElementKey::parse(key).map_err(|_| AppError::NotFound)?;
    state
        .store()
        .plan_elements(newest(plan)?.id)
        .await?
        .into_iter()
        .find(|e| e.key == key)
        .ok_or(AppError::NotFound)
}

/// `/sprava/{area}/plan/{id}/prvek/{key}`: an element's form.
pub(crate) async fn element(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    uri: OriginalUri,
) -> Result<Response, AppError> {
    let (signed, area) = match area_page(&state, &headers, &uri, &slug, &Action::ViewArea).await? {
        Ok(found) => found,
        Err(redirect) => return Ok(redirect),
    };
    let plan = plan_in(&state, &area, id).await?;
    let element = element_of(&state, &plan, &key).await?;
    let message =
        (uri.0.query() == Some("stav=ulozeno")).then(|| text(&state, lang, "admin-saved"));
    element_page(
        &state,
        lang,
        &signed,
        &area,
        &plan,
        &element,
        &ElementForm::of(&element),
        message,
        StatusCode::OK,
    )
    .await
}

impl ElementForm {
    /// The form from its fields as sent (target groups repeat).
    fn from_pairs(pairs: &[(String, String)]) -> Self {
        let one = |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        };
        Self {
            nazev: one("nazev"),
            text: one("text"),
            zduvodneni: one("zduvodneni"),
            skupiny: pairs
                .iter()
                .filter(|(k, _)| k == "skupiny")
                .map(|(_, v)| v.clone())
                .collect(),
            organizace: one("organizace"),
            osoba: one("osoba"),
            partneri: one("partneri"),
            zacatek: one("zacatek"),
            konec: one("konec"),
            vystupy: one("vystupy"),
            sluzby: pairs
                .iter()
                .filter(|(k, _)| k == "sluzby")
                .filter_map(|(_, v)| v.trim().parse().ok())
                .collect(),
            sluzby_seznam: one("sluzby_seznam") == "1",
            zjisteni: pairs
                .iter()
                .filter(|(k, _)| k == "zjisteni")
                .map(|(_, v)| v.clone())
                .collect(),
            zjisteni_seznam: one("zjisteni_seznam") == "1",
            kraj: one("kraj") == "1",
            revize: one("revize").trim().parse().unwrap_or(0),
            csrf: one("csrf"),
        }
    }
}

/// Saves an element if nobody saved it since the form was opened; otherwise shows both texts.
pub(crate) async fn save_element(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(pairs) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let form = ElementForm::from_pairs(&pairs);
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let element = element_of(&state, &plan, &key).await?;
    let groups: Vec<String> = state
        .store()
        .codelist(Codelist::TargetGroup)
        .await?
        .into_iter()
        .map(|e| e.key)
        .collect();
    let refuse = |message: String, status| {
        element_page(
            &state,
            lang,
            &signed,
            &area,
            &plan,
            &element,
            &form,
            Some(message),
            status,
        )
    };
    let services: Vec<i64> = if form.sluzby_seznam {
        state
            .store()
            .services_in_area(area.id)
            .await?
            .into_iter()
            .map(|s| s.id.0)
            .collect()
    } else {
        Vec::new()
    };
    let findings: Vec<String> = if form.zjisteni_seznam {
        super::analysis::finding_choices(&state, lang, &area, &element.details.findings)
            .await?
            .into_iter()
            .map(|(key, _)| key)
            .collect()
    } else {
        Vec::new()
    };
    let content = match form.content(&element, &groups, &services, &findings) {
        Ok(content) => content,
        Err(problem) => {
            return refuse(text(&state, lang, problem), StatusCode::BAD_REQUEST).await;
        }
    };
    let version = newest(&plan)?;
    match state
        .store()
        .update_plan_element(
            version.id,
            &element.key,
            form.revize,
            &content,
            change(&signed),
        )
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/sprava/{}/plan/{id}/prvek/{key}?stav=ulozeno",
            area.slug
        ))
        .into_response()),
        Err(e) => {
            let (status, message) = refusal(&state, lang, e)?;
            refuse(message, status).await
        }
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct TokenOnly {
    #[serde(default)]
    pub(crate) csrf: String,
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct MoveForm {
    #[serde(default)]
    smer: String,
    #[serde(default)]
    csrf: String,
}

/// `POST /sprava/{area}/plan/{id}/prvek/{key}/posun`: moves an element up (`smer=nahoru`) or
/// down among its siblings.
pub(crate) async fn move_element(
    State(state): State<AppState>,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<MoveForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let element = element_of(&state, &plan, &key).await?;
    let earlier = match form.smer.as_str() {
        "nahoru" => true,
        "dolu" => false,
        other => return Err(AppError::BadRequest(format!("direction {other:?}"))),
    };
    match state
        .store()
        .move_plan_element(newest(&plan)?.id, &element.key, earlier, change(&signed))
        .await
    {
        Ok(_) => Ok(Redirect::to(&format!(
            "/sprava/{}/plan/{id}?stav=ulozeno#r-{}",
            area.slug, element.key
        ))
        .into_response()),
        Err(StoreError::Invalid(reason)) => Err(AppError::BadRequest(reason)),
        Err(e) => Err(e.into()),
    }
}

/// Removes an element without elements under it.
pub(crate) async fn remove_element(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id, key)): Path<(String, i64, String)>,
    headers: HeaderMap,
    form: Result<Form<TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) = area_post(&state, &headers, &form.csrf, &slug, &Action::EditPlan).await?;
    let plan = plan_in(&state, &area, id).await?;
    let element = element_of(&state, &plan, &key).await?;
    match state
        .store()
        .remove_plan_element(newest(&plan)?.id, &element.key, change(&signed))
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}?stav=ulozeno", area.slug)).into_response(),
        ),
        Err(e) => refused_page(
            &state,
            lang,
            &area,
            id,
            refusal(&state, lang, e)?,
            &element.title,
        ),
    }
}

#[derive(Debug, Default, Deserialize)]
pub(crate) struct StatusForm {
    #[serde(default)]
    stav: String,
    #[serde(default)]
    usneseni: String,
    #[serde(default)]
    datum: String,
    #[serde(default)]
    organ: String,
    /// First day of a comment period.
    #[serde(default)]
    od: String,
    /// Last day of a comment period.
    #[serde(default)]
    do_: String,
    /// The announcement of a comment period.
    #[serde(default)]
    oznameni: String,
    #[serde(default)]
    csrf: String,
}

/// Moves the newest version along the workflow (approval with its resolution).
pub(crate) async fn set_status(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<StatusForm>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let plan = plan_in(&state, &area, id).await?;
    let version = newest(&plan)?;
    let next = PlanStatus::from_key(&form.stav).map_err(|e| AppError::BadRequest(e.to_string()))?;
    if next == PlanStatus::InComment {
        let dates = (form.od.as_str(), form.do_.as_str(), form.oznameni.as_str());
        return match super::comments_admin::open_period(&state, lang, &signed, &area, &plan, dates)
            .await?
        {
            Ok(()) => Ok(Redirect::to(&format!(
                "/sprava/{}/plan/{id}/pripominky?stav=ulozeno",
                area.slug
            ))
            .into_response()),
            Err(message) => refused_page(
                &state,
                lang,
                &area,
                id,
                (StatusCode::BAD_REQUEST, message),
                "",
            ),
        };
    }
    if next == PlanStatus::Approved
        && let Some(message) = super::comments_admin::approval_blocked(&state, lang, &plan).await?
    {
        return refused_page(&state, lang, &area, id, (StatusCode::CONFLICT, message), "");
    }
    let approval = if next == PlanStatus::Approved {
        let date = NaiveDate::parse_from_str(form.datum.trim(), "%Y-%m-%d").ok();
        match date.and_then(|d| Approval::new(&form.usneseni, d, &form.organ).ok()) {
            Some(approval) => Some(approval),
            None => {
                let message = (
                    StatusCode::BAD_REQUEST,
                    text(&state, lang, "planning-approval-invalid"),
                );
                return refused_page(&state, lang, &area, id, message, &form.usneseni);
            }
        }
    } else {
        None
    };
    match state
        .store()
        .set_plan_status(version.id, next, approval.as_ref(), change(&signed))
        .await
    {
        Ok(()) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}?stav=ulozeno", area.slug)).into_response(),
        ),
        Err(e) => refused_page(&state, lang, &area, id, refusal(&state, lang, e)?, ""),
    }
}

/// Starts a new draft from the newest (frozen) version.
pub(crate) async fn new_version(
    State(state): State<AppState>,
    lang: Lang,
    Path((slug, id)): Path<(String, i64)>,
    headers: HeaderMap,
    form: Result<Form<TokenOnly>, axum::extract::rejection::FormRejection>,
) -> Result<Response, AppError> {
    let Form(form) = form.map_err(|e| AppError::BadRequest(e.to_string()))?;
    let (signed, area) =
        area_post(&state, &headers, &form.csrf, &slug, &Action::ManagePlans).await?;
    let plan = plan_in(&state, &area, id).await?;
    match state
        .store()
        .new_plan_version(plan.id, change(&signed))
        .await
    {
        Ok(_) => Ok(
            Redirect::to(&format!("/sprava/{}/plan/{id}?stav=ulozeno", area.slug)).into_response(),
        ),
        Err(e) => refused_page(&state, lang, &area, id, refusal(&state, lang, e)?, ""),
    }
}
