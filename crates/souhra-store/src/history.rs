//! The history of catalogue records (change sets with every field's value before and after),
//! restoring an earlier version, proposals of provider editors waiting for moderation, error
//! reports settled with a reason, and the audit log.

use chrono::{DateTime, Utc};
use serde::Serialize;
use souhra_core::account::AccountId;
use souhra_core::area::AreaId;
use souhra_core::catalogue::{FieldValue, LocalField};

use crate::records::{ServiceId, StoredErrorReport};
use crate::{Store, StoreResult, dispatch};

/// Why a record changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ChangeSource {
    /// Edited directly by a coordinator or administrator.
    Edit,
    /// A provider editor's proposal, approved.
    Moderation,
    /// An earlier version brought back.
    Restore,
    /// Confirmed as still correct.
    Verification,
    /// A re-import brought new registry data (fields `registry.<field>`: the registry's values,
    /// not local ones).
    Registry,
}

impl ChangeSource {
    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            ChangeSource::Edit => "edit",
            ChangeSource::Moderation => "moderation",
            ChangeSource::Restore => "restore",
            ChangeSource::Verification => "verification",
            ChangeSource::Registry => "registry",
        }
    }

    /// The source of a key.
    pub fn from_key(key: &str) -> Option<Self> {
        [
            Self::Edit,
            Self::Moderation,
            Self::Restore,
            Self::Verification,
            Self::Registry,
        ]
        .into_iter()
        .find(|s| s.key() == key)
    }
}

/// Who changes a record, why and when.
#[derive(Debug, Clone, Copy)]
pub struct ServiceChange<'a> {
    /// The account (none for the system).
    pub by: Option<AccountId>,
    /// The area it was done in (for the audit log).
    pub area: Option<AreaId>,
    /// Why.
    pub source: ChangeSource,
    /// A note (the proposal, the version restored).
    pub note: Option<&'a str>,
    /// When.
    pub at: DateTime<Utc>,
}

/// One field of a change set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    /// A [`LocalField`] key, or `verified_at`; or, in a change of source
    /// [`ChangeSource::Registry`], [`REGISTRY_FIELD`] followed by a [`LocalField`] key or
    /// `status` (the registry's values).
    pub field: String,
    /// The local value before (`None`: none, the registry's showed).
    pub before: Option<FieldValue>,
    /// The local value after.
    pub after: Option<FieldValue>,
}

/// One change of a record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeSet {
    /// Its id (a version of the record: the state right after it).
    pub id: i64,
    /// Who made it.
    pub account: Option<AccountId>,
    /// Their name then (if the account still exists).
    pub account_name: Option<String>,
    /// Their e-mail.
    pub account_email: Option<String>,
    /// Why.
    pub source: ChangeSource,
    /// A note.
    pub note: Option<String>,
    /// When.
    pub at: DateTime<Utc>,
    /// The fields that changed.
    pub fields: Vec<FieldChange>,
}

/// Where a proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ProposalStatus {
    /// Waiting in the queue.
    Open,
    /// Applied.
    Approved,
    /// Refused with a reason.
    Rejected,
}

impl ProposalStatus {
    /// The stored key.
    pub fn key(self) -> &'static str {
        match self {
            ProposalStatus::Open => "open",
            ProposalStatus::Approved => "approved",
            ProposalStatus::Rejected => "rejected",
        }
    }

    /// The status of a key.
    pub fn from_key(key: &str) -> Option<Self> {
        [Self::Open, Self::Approved, Self::Rejected]
            .into_iter()
            .find(|s| s.key() == key)
    }
}

/// Values a provider editor proposed for a service.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Proposal {
    /// Its id.
    pub id: i64,
    /// The service.
    pub service: ServiceId,
    /// The area whose queue it waits in.
    pub area: Option<AreaId>,
    /// The values proposed.
    pub fields: Vec<(LocalField, FieldValue)>,
    /// The editor's note to the coordinator.
    pub message: Option<String>,
    /// Who proposed it.
    pub proposed_by: Option<AccountId>,
    /// When.
    pub proposed_at: DateTime<Utc>,
    /// Where it stands.
    pub status: ProposalStatus,
    /// Why it was rejected (or a note to the approval).
    pub reason: Option<String>,
}

/// Every action the audit log records, as stored (the interface translates each one).
pub const AUDIT_ACTIONS: &[&str] = &[
    "service.edit",
    "service.moderation",
    "service.restore",
    "service.verification",
    "service.registry",
    "proposal.submit",
    "proposal.approve",
    "proposal.reject",
    "report.resolve",
    "report.reject",
    "account.login",
    "account.login-failed",
    "account.locked",
    "account.password",
    "account.invite",
    "account.revoke",
    "account.activate",
    "account.deactivate",
    "account.remind",
    "area.create",
    "area.update",
    "area.contact",
    "area.situations",
    "codelist.label",
    "plan.create",
    "plan.edit",
    "plan.status",
    "plan.version",
    "plan.value",
    "group.create",
    "group.edit",
    "meeting.edit",
    "comment.rules",
    "comment.period",
    "comment.settle",
    "comment.hide",
    "comment.erase",
    "survey.create",
    "survey.edit",
    "survey.fix",
    "survey.open",
    "survey.close",
];

/// The prefix of a change field holding the registry's value of a field (not a local one).
pub const REGISTRY_FIELD: &str = "registry.";

/// Which audit events to list.
#[derive(Debug, Clone, Default)]
pub struct AuditFilter {
    /// Only this area's.
    pub area: Option<AreaId>,
    /// Only this account's (by e-mail).
    pub email: Option<String>,
    /// Only actions starting with this (`service.`, `proposal.`).
    pub action: Option<String>,
    /// From this time on.
    pub from: Option<DateTime<Utc>>,
    /// Before this time.
    pub to: Option<DateTime<Utc>>,
    /// At most this many.
    pub limit: usize,
}

/// One event of the audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AuditEntry {
    /// Its id.
    pub id: i64,
    /// When.
    pub at: DateTime<Utc>,
    /// Who (e-mail), if anyone.
    pub email: Option<String>,
    /// In which area.
    pub area: Option<AreaId>,
    /// What (`service.edit`, `proposal.approve`, `account.invite` …).
    pub action: String,
    /// On which kind of record.
    pub entity: Option<String>,
    /// On which record.
    pub entity_id: Option<i64>,
    /// Details (the fields changed, a reason).
    pub detail: Option<String>,
}

impl Store {
    /// Sets (`Some`) or clears (`None`) local values of a service in one transaction, recorded
    /// as a change set of the fields that really changed; `None` when nothing did.
    pub async fn change_service(
        &self,
        id: ServiceId,
        values: &[(LocalField, Option<FieldValue>)],
        change: &ServiceChange<'_>,
    ) -> StoreResult<Option<i64>> {
        dispatch!(self, history::apply(id, values, change))
    }

    /// Confirms the service's data as correct at `change.at` (recorded in its history).
    pub async fn verify_service(
        &self,
        id: ServiceId,
        change: &ServiceChange<'_>,
    ) -> StoreResult<i64> {
        dispatch!(self, history::verify(id, change))
    }

    /// The service's change sets, newest first.
    pub async fn service_history(&self, id: ServiceId) -> StoreResult<Vec<ChangeSet>> {
        dispatch!(self, history::history(id))
    }

    /// Brings the service's local fields back to the version right after change set `set`, as
    /// a new change set; `None` when nothing differs.
    pub async fn restore_service(
        &self,
        id: ServiceId,
        set: i64,
        change: &ServiceChange<'_>,
    ) -> StoreResult<Option<i64>> {
        dispatch!(self, history::restore(id, set, change))
    }

    /// Keeps a provider editor's proposal for the area's moderation queue.
    pub async fn propose_change(
        &self,
        service: ServiceId,
        area: Option<AreaId>,
        fields: &[(LocalField, FieldValue)],
        message: Option<&str>,
        by: Option<AccountId>,
        at: DateTime<Utc>,
    ) -> StoreResult<i64> {
        dispatch!(
            self,
            history::propose(service, area, fields, message, by, at)
        )
    }

    /// Open proposals of an area, oldest first.
    pub async fn open_proposals(&self, area: AreaId) -> StoreResult<Vec<Proposal>> {
        dispatch!(self, history::open_proposals(area))
    }

    /// Proposals about one service, newest first.
    pub async fn proposals_of_service(&self, service: ServiceId) -> StoreResult<Vec<Proposal>> {
        dispatch!(self, history::proposals_of(service))
    }

    /// One proposal.
    pub async fn proposal(&self, id: i64) -> StoreResult<Option<Proposal>> {
        dispatch!(self, history::proposal(id))
    }

    /// Approves (applying it) or rejects an open proposal; `Conflict` when it was decided.
    pub async fn decide_proposal(
        &self,
        id: i64,
        approve: bool,
        reason: Option<&str>,
        by: AccountId,
        at: DateTime<Utc>,
    ) -> StoreResult<Proposal> {
        dispatch!(self, history::decide(id, approve, reason, by, at))
    }

    /// Open error reports of an area's queue, oldest first.
    pub async fn open_reports_in(&self, area: AreaId) -> StoreResult<Vec<StoredErrorReport>> {
        dispatch!(self, history::open_reports(area))
    }

    /// Settles an error report (`resolved`: the data were fixed; else rejected) with a reason.
    pub async fn settle_error_report(
        &self,
        id: i64,
        resolved: bool,
        reason: Option<&str>,
        by: AccountId,
        at: DateTime<Utc>,
    ) -> StoreResult<()> {
        dispatch!(self, history::settle_report(id, resolved, reason, by, at))
    }

    /// Records an audit event that changes no catalogue record (a login, an invitation).
    pub async fn record_event(
        &self,
        at: DateTime<Utc>,
        account: Option<AccountId>,
        area: Option<AreaId>,
        action: &str,
        detail: Option<&str>,
    ) -> StoreResult<()> {
        dispatch!(
            self,
            history::record_event(at, account, area, action, detail)
        )
    }

    /// Audit events matching `filter`, newest first.
    pub async fn audit_log(&self, filter: &AuditFilter) -> StoreResult<Vec<AuditEntry>> {
        dispatch!(self, history::audit_log(filter))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_change_source_is_an_audit_action_and_round_trips() {
        for source in [
            ChangeSource::Edit,
            ChangeSource::Moderation,
            ChangeSource::Restore,
            ChangeSource::Verification,
            ChangeSource::Registry,
        ] {
            assert_eq!(ChangeSource::from_key(source.key()), Some(source));
            let action = format!("service.{}", source.key());
            assert!(AUDIT_ACTIONS.contains(&action.as_str()), "{action}");
        }
    }
}
