//! Public comment on plan versions: an area's rules, comment periods (with the text as it was
//! published), comments anchored to stable element keys, moderation, settlement with a
//! justification, and erasure of a commenter's personal data.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use souhra_core::account::{AccountId, Email};
use souhra_core::area::AreaId;
use souhra_core::comment::{
    Author, CommentRules, CommentText, PeriodDates, PeriodState, Settlement,
};
use souhra_core::ical::prague;
use souhra_core::plan::{BudgetLine, ElementKey};

use crate::plan::{Element, PlanChange, PlanId, VersionId};
use crate::{Store, StoreResult, dispatch};

/// Database id of a comment period.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct PeriodId(pub i64);

/// Database id of a comment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct CommentId(pub i64);

/// The day in Prague at an instant (comment periods are whole local days).
pub fn prague_day(at: DateTime<Utc>) -> NaiveDate {
    prague(at).date()
}

/// A version's text at a moment: the vision, the elements in tree order and the budget.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanText {
    /// The vision.
    pub vision: Option<String>,
    /// The elements, parents first.
    pub elements: Vec<Element>,
    /// The budget lines.
    pub budget: Vec<(ElementKey, BudgetLine)>,
}

/// A comment period of a version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CommentPeriod {
    /// Its id.
    pub id: PeriodId,
    /// The plan.
    pub plan: PlanId,
    /// The version commented on.
    pub version: VersionId,
    /// The version's number.
    pub version_number: i64,
    /// First and last day.
    pub dates: PeriodDates,
    /// The announcement (Markdown).
    pub announcement: Option<String>,
    /// When it was opened.
    pub created_at: DateTime<Utc>,
    /// When the coordinator ended it (early, or when the version went back to a draft).
    pub closed_at: Option<DateTime<Utc>>,
}

impl CommentPeriod {
    /// Where it stands at `at`.
    pub fn state(&self, at: DateTime<Utc>) -> PeriodState {
        PeriodState::of(self.dates, self.closed_at.is_some(), prague_day(at))
    }
}

/// A comment to add.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewComment {
    /// The element (none: the whole plan).
    pub element: Option<ElementKey>,
    /// The element's number and title as shown to the commenter, kept with the comment.
    pub element_label: Option<String>,
    /// The text.
    pub text: CommentText,
    /// Who wrote it.
    pub author: Author,
    /// The account, for a logged-in commenter.
    pub account: Option<AccountId>,
    /// The consent text agreed to, when personal data was given.
    pub consent: Option<String>,
}

/// How a comment was settled.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SettlementRecord {
    /// Accepted, partly accepted, rejected or noted.
    pub status: Settlement,
    /// Why.
    pub justification: String,
    /// The element changed because of it, if any.
    pub change: Option<ElementKey>,
    /// When.
    pub at: DateTime<Utc>,
}

/// A comment as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comment {
    /// Its id.
    pub id: CommentId,
    /// Its period.
    pub period: PeriodId,
    /// The version commented on.
    pub version: VersionId,
    /// The plan.
    pub plan: PlanId,
    /// The element (none: the whole plan).
    pub element: Option<ElementKey>,
    /// The element's number and title when the comment was made.
    pub element_label: Option<String>,
    /// The comment.
    pub body: String,
    /// A proposed wording.
    pub proposal: Option<String>,
    /// The account of a logged-in commenter (none once erased).
    pub account: Option<AccountId>,
    /// Who wrote it (empty once erased).
    pub author: Author,
    /// When.
    pub submitted_at: DateTime<Utc>,
    /// Why a moderator hid it, if hidden.
    pub hidden: Option<String>,
    /// Its settlement, once settled.
    pub settlement: Option<SettlementRecord>,
    /// When the commenter was told of the settlement.
    pub notified_at: Option<DateTime<Utc>>,
    /// When the commenter's personal data was erased.
    pub erased_at: Option<DateTime<Utc>>,
    /// Changes with each settlement or moderation (the check against overwriting).
    pub revision: i64,
}

impl Comment {
    /// Whether it waits for a settlement (hidden comments do not).
    pub fn unsettled(&self) -> bool {
        self.settlement.is_none() && self.hidden.is_none()
    }

    /// The e-mail to tell of the settlement, when the commenter asked for it.
    pub fn notify_to(&self) -> Option<&Email> {
        self.author.email.as_ref().filter(|_| self.author.notify)
    }
}

/// How a period's dates are checked when it is stored.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Opening {
    /// Opened now: not in the past, at least the area's shortest length.
    New { from: NaiveDate, to: NaiveDate },
    /// Held before and recorded afterwards.
    Held { from: NaiveDate, to: NaiveDate },
}

/// A settlement as decided.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SettlementInput {
    /// The status.
    pub status: Settlement,
    /// The justification (checked by the store).
    pub justification: String,
    /// The element changed because of the comment.
    pub change: Option<ElementKey>,
}

impl Store {
    /// An area's rules for comments (the defaults when it set none).
    pub async fn comment_rules(&self, area: AreaId) -> StoreResult<CommentRules> {
        dispatch!(self, comment::rules(area))
    }

    /// Saves an area's rules for comments.
    pub async fn set_comment_rules(
        &self,
        area: AreaId,
        rules: &CommentRules,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, comment::set_rules(area, rules, change))
    }

    /// Opens a comment period on a draft from `from` to `to` (checked against the area's
    /// shortest period; not in the past): the version goes into public comment, its text is kept
    /// as published, and it cannot change while the period runs.
    pub async fn open_comment_period(
        &self,
        version: VersionId,
        from: NaiveDate,
        to: NaiveDate,
        announcement: Option<&str>,
        change: PlanChange,
    ) -> StoreResult<PeriodId> {
        dispatch!(
            self,
            comment::open(version, Opening::New { from, to }, announcement, change)
        )
    }

    /// Records that a draft went through public comment outside Souhra, from `from` to `to`
    /// (a plan's history loaded afterwards, e.g. by the demo): the period is kept with the text
    /// as published and closed at once, with no comments; past dates are allowed.
    pub async fn record_outside_comment(
        &self,
        version: VersionId,
        from: NaiveDate,
        to: NaiveDate,
        change: PlanChange,
    ) -> StoreResult<PeriodId> {
        let period = dispatch!(
            self,
            comment::open(version, Opening::Held { from, to }, None, change)
        )?;
        self.close_comment_period(period, change).await?;
        Ok(period)
    }

    /// Ends a period before its last day (comments are no longer taken; the text may be edited).
    pub async fn close_comment_period(
        &self,
        period: PeriodId,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, comment::close(period, change))
    }

    /// The comment periods of a plan, oldest first.
    pub async fn comment_periods(&self, plan: PlanId) -> StoreResult<Vec<CommentPeriod>> {
        dispatch!(self, comment::periods(plan))
    }

    /// The text of a version as it was published for comment in a period.
    pub async fn published_text(&self, period: PeriodId) -> StoreResult<Option<PlanText>> {
        dispatch!(self, comment::snapshot(period))
    }

    /// Adds a comment to an open period. [`crate::StoreError::Invalid`] when the period is not
    /// open at `at` or the element is not in the version.
    pub async fn add_comment(
        &self,
        period: PeriodId,
        comment: &NewComment,
        at: DateTime<Utc>,
    ) -> StoreResult<CommentId> {
        dispatch!(self, comment::add(period, comment, at))
    }

    /// The comments of a plan (every period), oldest first.
    pub async fn plan_comments(&self, plan: PlanId) -> StoreResult<Vec<Comment>> {
        dispatch!(self, comment::of_plan(plan))
    }

    /// One comment.
    pub async fn comment(&self, id: CommentId) -> StoreResult<Option<Comment>> {
        dispatch!(self, comment::one(id))
    }

    /// Settles a comment if its revision is still `revision`; returns the new one.
    /// [`crate::StoreError::Conflict`] when someone changed it in between,
    /// [`crate::StoreError::Invalid`] for a missing justification, an element not in the version,
    /// or a version already approved.
    pub async fn settle_comment(
        &self,
        id: CommentId,
        revision: i64,
        settlement: &SettlementInput,
        change: PlanChange,
    ) -> StoreResult<i64> {
        dispatch!(self, comment::settle(id, revision, settlement, change))
    }

    /// Hides an abusive comment with the reason (`None` shows it again).
    pub async fn hide_comment(
        &self,
        id: CommentId,
        reason: Option<&str>,
        change: PlanChange,
    ) -> StoreResult<()> {
        dispatch!(self, comment::hide(id, reason, change))
    }

    /// Erases the commenter's personal data (name, organization, e-mail, account, consent); the
    /// text and the settlement stay, attributed to the public.
    pub async fn erase_commenter(&self, id: CommentId, change: PlanChange) -> StoreResult<()> {
        dispatch!(self, comment::erase(id, change))
    }

    /// Records that the commenter was told of the settlement.
    pub async fn mark_comment_notified(&self, id: CommentId, at: DateTime<Utc>) -> StoreResult<()> {
        dispatch!(self, comment::mark_notified(id, at))
    }
}
