//! Every permission decision of Souhra, in one pure function: [`allows`]. Handlers ask it with
//! the signed-in account's grants, the action and the area the action touches (with the areas
//! that contain it: a grant on a region's area reaches every ORP and municipal area within).

use serde::Serialize;

use crate::account::{Grant, Role};
use crate::area::AreaId;
use crate::catalogue::Ico;

/// Something an account may want to do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub enum Action {
    /// Open the administration at all (any account with a role).
    Enter,
    /// See an area's administration: its users, the queue, the freshness of its services.
    ViewArea,
    /// Invite someone to this role in the area.
    Invite(Role),
    /// Change or withdraw other accounts' roles in the area, see the audit log.
    ManageUsers,
    /// Approve or reject proposed changes and error reports; edit any service directly.
    Moderate,
    /// Propose changes to the services of this organization and confirm they are current.
    EditOrganization(Ico),
    /// Installation-wide settings: planning areas, codelist labels (administrators without an
    /// area only).
    ManageInstallation,
    /// Write the content of the area's draft plans (working groups write them with the
    /// coordinator).
    EditPlan,
    /// Create plans, move them through the workflow (comment, approval, in force) and start new
    /// versions.
    ManagePlans,
}

/// The area an action touches and the areas that contain it (a region's area contains its
/// ORPs'). Empty `parents` for an area nothing contains.
#[derive(Debug, Clone, Copy)]
pub struct Within<'a> {
    /// The area.
    pub area: AreaId,
    /// Areas containing it.
    pub parents: &'a [AreaId],
}

fn reaches(grant: &Grant, within: Option<Within<'_>>) -> bool {
    match (grant.area, within) {
        // An installation administrator reaches everything.
        (None, _) => grant.role == Role::Administrator,
        (Some(own), Some(w)) => own == w.area || w.parents.contains(&own),
        (Some(_), None) => false,
    }
}

/// Whether an account holding `grants` may do `action` in `within` (`None` for actions outside
/// any area: [`Action::Enter`], [`Action::ManageInstallation`]). No grants, no rights.
pub fn allows(grants: &[Grant], action: &Action, within: Option<Within<'_>>) -> bool {
    match action {
        Action::Enter => !grants.is_empty(),
        Action::ManageInstallation => grants
            .iter()
            .any(|g| g.role == Role::Administrator && g.area.is_none()),
        Action::ViewArea => grants.iter().any(|g| reaches(g, within)),
        Action::ManageUsers => grants
            .iter()
            .any(|g| g.role == Role::Administrator && reaches(g, within)),
        Action::Invite(role) => grants.iter().any(|g| {
            reaches(g, within)
                && match g.role {
                    Role::Administrator => true,
                    Role::Coordinator => matches!(
                        role,
                        Role::GroupMember | Role::ProviderEditor | Role::ReadOnly
                    ),
                    _ => false,
                }
        }),
        Action::Moderate => grants.iter().any(|g| {
            matches!(g.role, Role::Administrator | Role::Coordinator) && reaches(g, within)
        }),
        Action::EditPlan => grants.iter().any(|g| {
            matches!(
                g.role,
                Role::Administrator | Role::Coordinator | Role::GroupMember
            ) && reaches(g, within)
        }),
        Action::ManagePlans => grants.iter().any(|g| {
            matches!(g.role, Role::Administrator | Role::Coordinator) && reaches(g, within)
        }),
        Action::EditOrganization(ico) => grants.iter().any(|g| match g.role {
            Role::Administrator | Role::Coordinator => reaches(g, within),
            // A provider's services serve many areas: its editor keeps them wherever they are.
            Role::ProviderEditor => g.organization.as_ref() == Some(ico),
            Role::GroupMember | Role::ReadOnly => false,
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn grant(role: Role, area: Option<i64>, ico: Option<&str>) -> Grant {
        Grant {
            role,
            area: area.map(AreaId),
            organization: ico.map(|i| Ico::parse(i).unwrap_or_else(|e| panic!("{e}"))),
        }
    }

    const REGION: AreaId = AreaId(1);
    const NEPOMUK: AreaId = AreaId(2);
    const BLOVICE: AreaId = AreaId(3);

    fn nepomuk() -> Option<Within<'static>> {
        Some(Within {
            area: NEPOMUK,
            parents: &[REGION],
        })
    }

    fn blovice() -> Option<Within<'static>> {
        Some(Within {
            area: BLOVICE,
            parents: &[REGION],
        })
    }

    #[test]
    fn nobody_without_grants_may_do_anything() {
        for action in [
            Action::Enter,
            Action::ViewArea,
            Action::Moderate,
            Action::ManageUsers,
            Action::ManageInstallation,
            Action::Invite(Role::ReadOnly),
            Action::EditPlan,
            Action::ManagePlans,
        ] {
            assert!(!allows(&[], &action, nepomuk()), "{action:?}");
        }
    }

    #[test]
    fn working_groups_write_plans_and_coordinators_steer_them() {
        let member = [grant(Role::GroupMember, Some(2), None)];
        assert!(allows(&member, &Action::EditPlan, nepomuk()));
        assert!(!allows(&member, &Action::ManagePlans, nepomuk()));
        assert!(!allows(&member, &Action::EditPlan, blovice()));
        let coordinator = [grant(Role::Coordinator, Some(1), None)];
        assert!(allows(&coordinator, &Action::ManagePlans, nepomuk()));
        for role in [Role::ProviderEditor, Role::ReadOnly] {
            let other = [grant(
                role,
                Some(2),
                (role == Role::ProviderEditor).then_some("00075370"),
            )];
            assert!(!allows(&other, &Action::EditPlan, nepomuk()), "{role:?}");
            assert!(!allows(&other, &Action::ManagePlans, nepomuk()), "{role:?}");
        }
    }

    #[test]
    fn region_grants_reach_the_areas_within_and_area_grants_stay_home() {
        let region = [grant(Role::ReadOnly, Some(1), None)];
        assert!(allows(&region, &Action::ViewArea, nepomuk()));
        assert!(allows(&region, &Action::ViewArea, blovice()));
        assert!(!allows(&region, &Action::Moderate, nepomuk()));
        let coordinator = [grant(Role::Coordinator, Some(2), None)];
        assert!(allows(&coordinator, &Action::Moderate, nepomuk()));
        assert!(!allows(&coordinator, &Action::ViewArea, blovice()));
        let parent = Some(Within {
            area: REGION,
            parents: &[],
        });
        assert!(!allows(&coordinator, &Action::ViewArea, parent));
        assert!(!allows(&coordinator, &Action::ViewArea, None));
    }

    #[test]
    fn invitations_go_down_never_up() {
        let coordinator = [grant(Role::Coordinator, Some(2), None)];
        assert!(allows(
            &coordinator,
            &Action::Invite(Role::ProviderEditor),
            nepomuk()
        ));
        assert!(!allows(
            &coordinator,
            &Action::Invite(Role::Coordinator),
            nepomuk()
        ));
        assert!(!allows(
            &coordinator,
            &Action::Invite(Role::Administrator),
            nepomuk()
        ));
        assert!(!allows(&coordinator, &Action::ManageUsers, nepomuk()));
        let admin = [grant(Role::Administrator, Some(2), None)];
        assert!(allows(
            &admin,
            &Action::Invite(Role::Administrator),
            nepomuk()
        ));
        assert!(allows(&admin, &Action::ManageUsers, nepomuk()));
        assert!(!allows(&admin, &Action::ManageInstallation, None));
        let root = [grant(Role::Administrator, None, None)];
        assert!(allows(&root, &Action::ManageInstallation, None));
        assert!(allows(&root, &Action::ManageUsers, blovice()));
    }

    #[test]
    fn provider_editors_keep_their_own_organizations_only() {
        let editor = [grant(Role::ProviderEditor, Some(2), Some("00075370"))];
        let own =
            Action::EditOrganization(Ico::parse("00075370").unwrap_or_else(|e| panic!("{e}")));
        let other =
            Action::EditOrganization(Ico::parse("25212818").unwrap_or_else(|e| panic!("{e}")));
        assert!(allows(&editor, &own, nepomuk()));
        assert!(allows(&editor, &own, blovice()));
        assert!(!allows(&editor, &other, nepomuk()));
        assert!(!allows(&editor, &Action::Moderate, nepomuk()));
        let member = [grant(Role::GroupMember, Some(2), None)];
        assert!(!allows(&member, &own, nepomuk()));
        assert!(allows(&member, &Action::ViewArea, nepomuk()));
    }
}
