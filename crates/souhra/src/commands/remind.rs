//! `souhra remind`: e-mails every provider editor whose organizations' services have not been
//! confirmed for more than six months (for cron). One message per account, at most one per
//! 30 days; each is recorded in the audit log.

use std::collections::BTreeMap;

use chrono::{Duration, Utc};
use fluent_bundle::FluentArgs;
use souhra_core::account::{Account, Role};
use souhra_core::catalogue::ServiceStatus;
use souhra_store::history::AuditFilter;
use souhra_web::i18n::{Lang, Translations};
use souhra_web::mail::Mailer;

use super::{say, store_for};
use crate::cli::Remind;
use crate::config::Config;
use crate::failure::Failure;

/// Days between two reminders to the same account.
const QUIET_DAYS: i64 = 30;

/// `souhra remind`.
pub async fn remind(config: &Config, args: &Remind) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let translations =
        Translations::load().map_err(|e| Failure::runtime(format!("translations: {e}")))?;
    let mailer = Mailer::new(&config.mail_settings())
        .map_err(|e| Failure::input(format!("mail settings: {e}")))?;
    let now = Utc::now();
    let stale_before = now - Duration::days(i64::from(args.days));
    let base = config.public_url.as_ref().map_or_else(
        || format!("http://{}", config.listen.value),
        |u| u.value.clone(),
    );
    let areas = store.areas().await?;
    // Provider editors, each with its grants (an account may keep several organizations).
    let mut editors: BTreeMap<String, Account> = BTreeMap::new();
    for area in &areas {
        for account in store.accounts_in_area(area.id).await? {
            if account.active
                && account
                    .grants
                    .iter()
                    .any(|g| g.role == Role::ProviderEditor)
            {
                editors.insert(account.email.to_string(), account);
            }
        }
    }
    let (mut sent, mut services_listed, mut quiet) = (0, 0, 0);
    for account in editors.values() {
        let mut lines = Vec::new();
        for grant in account
            .grants
            .iter()
            .filter(|g| g.role == Role::ProviderEditor)
        {
            let (Some(ico), Some(area)) = (&grant.organization, grant.area) else {
                continue;
            };
            let Some(slug) = areas
                .iter()
                .find(|a| a.id == area)
                .map(|a| a.slug.to_string())
            else {
                continue;
            };
            let Some(organization) = store.organization_by_ico(ico).await? else {
                continue;
            };
            for service in store.services_of_organization(organization).await? {
                let stale = service.verified_at.is_none_or(|at| at < stale_before);
                if stale && service.status != ServiceStatus::Ended {
                    lines.push(format!(
                        "- {}: {}/sprava/{slug}/sluzba/{}",
                        service.name,
                        base.trim_end_matches('/'),
                        service.id.0
                    ));
                }
            }
        }
        lines.sort();
        lines.dedup();
        if lines.is_empty() {
            continue;
        }
        let recent = store
            .audit_log(&AuditFilter {
                email: Some(account.email.to_string()),
                action: Some("account.remind".into()),
                from: Some(now - Duration::days(QUIET_DAYS)),
                limit: 1,
                ..AuditFilter::default()
            })
            .await?;
        if !recent.is_empty() && !args.force {
            quiet += 1;
            continue;
        }
        services_listed += lines.len();
        if args.dry_run {
            say(&format!("{}: {} services", account.email, lines.len()));
            continue;
        }
        let mut values = FluentArgs::new();
        values.set("count", lines.len());
        values.set("services", lines.join("\n"));
        values.set("months", i64::from(args.days) / 30);
        let subject = translations.text(Lang::Cs, "mail-remind-subject", Some(&values));
        let body = translations.text(Lang::Cs, "mail-remind-body", Some(&values));
        mailer
            .send(&account.email, &subject, &body)
            .await
            .map_err(|e| Failure::runtime(format!("mail to {}: {e}", account.email)))?;
        let detail = lines.len().to_string();
        store
            .record_event(now, Some(account.id), None, "account.remind", Some(&detail))
            .await?;
        sent += 1;
    }
    say(&format!(
        "reminders: {sent} e-mails about {services_listed} services{}{}",
        if quiet > 0 {
            format!("; {quiet} accounts reminded in the last {QUIET_DAYS} days skipped")
        } else {
            String::new()
        },
        if args.dry_run {
            " (dry run: nothing sent)"
        } else {
            ""
        }
    ));
    store.close().await;
    Ok(())
}
