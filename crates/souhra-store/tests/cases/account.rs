//! Account cases of the store suite (included by `store.rs`, so they run on both databases):
//! accounts and grants, lockout counting, sessions, one-time tokens.

use chrono::{Duration, TimeZone, Utc};
use souhra_core::account::{Email, Grant, Role};
use souhra_core::catalogue::Ico;
use souhra_store::account::TokenPurpose;
use souhra_store::{Store, StoreError};

use crate::catalogue::plzensky_kraj_with_nepomuk;

fn at(hour: u32) -> chrono::DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 11, 23, hour, 0, 0).unwrap()
}

pub async fn accounts_keep_their_grants_and_emails_are_unique(store: Store) {
    plzensky_kraj_with_nepomuk(&store).await;
    let area = store.area_by_slug("nepomuk").await.unwrap().unwrap();
    let email = Email::parse("Koordinator@Nepomuk.cz").unwrap();
    let coordinator = Grant::new(Role::Coordinator, Some(area.id), None).unwrap();
    let id = store
        .create_account(
            &email,
            "Jana Nováková",
            Some("$argon2id$x"),
            std::slice::from_ref(&coordinator),
            at(8),
        )
        .await
        .unwrap();
    let account = store.account(id).await.unwrap().unwrap();
    assert_eq!(account.email.as_str(), "koordinator@nepomuk.cz");
    assert_eq!(account.name, "Jana Nováková");
    assert!(account.active);
    assert_eq!(account.grants, vec![coordinator.clone()]);
    let again = store
        .create_account(&email, "Someone", None, &[], at(9))
        .await
        .unwrap_err();
    assert!(matches!(again, StoreError::Conflict(_)), "{again}");

    let editor = Grant::new(
        Role::ProviderEditor,
        Some(area.id),
        Some(Ico::parse("00075370").unwrap()),
    )
    .unwrap();
    assert!(store.add_grant(id, &editor).await.unwrap());
    assert!(!store.add_grant(id, &editor).await.unwrap());
    let root = Grant::new(Role::Administrator, None, None).unwrap();
    let admin = store
        .create_account(
            &Email::parse("admin@example.cz").unwrap(),
            "Admin",
            None,
            &[root],
            at(8),
        )
        .await
        .unwrap();
    // Only accounts with a grant on the area are its accounts.
    let listed = store.accounts_in_area(area.id).await.unwrap();
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0].grants, vec![coordinator, editor]);
    let record = store.login_record(&email).await.unwrap().unwrap();
    assert_eq!(record.password_hash.as_deref(), Some("$argon2id$x"));
    assert_eq!(record.failed_logins, 0);
    assert!(
        store
            .login_record(&Email::parse("nikdo@example.cz").unwrap())
            .await
            .unwrap()
            .is_none()
    );
    assert!(
        store.account(admin).await.unwrap().unwrap().grants[0]
            .area
            .is_none()
    );
}

pub async fn failed_logins_lock_the_account_and_a_success_clears_them(store: Store) {
    let email = Email::parse("jana@example.cz").unwrap();
    let id = store
        .create_account(&email, "Jana", Some("h"), &[], at(8))
        .await
        .unwrap();
    let lock = Duration::minutes(15);
    assert_eq!(store.login_failed(id, at(9), 3, lock).await.unwrap(), None);
    assert_eq!(store.login_failed(id, at(9), 3, lock).await.unwrap(), None);
    store.login_succeeded(id, at(9)).await.unwrap();
    assert_eq!(
        store
            .login_record(&email)
            .await
            .unwrap()
            .unwrap()
            .failed_logins,
        0
    );
    for _ in 0..2 {
        assert_eq!(store.login_failed(id, at(10), 3, lock).await.unwrap(), None);
    }
    let until = store.login_failed(id, at(10), 3, lock).await.unwrap();
    assert_eq!(until, Some(at(10) + lock));
    let record = store.login_record(&email).await.unwrap().unwrap();
    assert_eq!(record.locked_until, Some(at(10) + lock));
    assert_eq!(record.failed_logins, 0);
    // Every attempt is in the audit log, with no area, newest first.
    let log = store
        .audit_log(&souhra_store::history::AuditFilter {
            email: Some("jana@example.cz".into()),
            limit: 100,
            ..Default::default()
        })
        .await
        .unwrap();
    let actions: Vec<&str> = log.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(
        actions,
        [
            "account.locked",
            "account.login-failed",
            "account.login-failed",
            "account.login-failed",
            "account.login",
            "account.login-failed",
            "account.login-failed",
        ]
    );
    assert!(log.iter().all(|e| e.area.is_none()));
}

pub async fn sessions_expire_and_end_with_a_new_password(store: Store) {
    let id = store
        .create_account(
            &Email::parse("jana@example.cz").unwrap(),
            "Jana",
            Some("h"),
            &[],
            at(8),
        )
        .await
        .unwrap();
    store
        .create_session("hash-a", id, "csrf-a", at(8), at(10))
        .await
        .unwrap();
    store
        .create_session("hash-b", id, "csrf-b", at(8), at(10))
        .await
        .unwrap();
    let live = store.session("hash-a", at(9)).await.unwrap().unwrap();
    assert_eq!((live.account.id, live.csrf.as_str()), (id, "csrf-a"));
    assert!(store.session("hash-a", at(10)).await.unwrap().is_none());
    assert!(store.session("nothing", at(9)).await.unwrap().is_none());
    store.touch_session("hash-a", at(9), at(12)).await.unwrap();
    assert!(store.session("hash-a", at(11)).await.unwrap().is_some());
    // Expired ones are purged; live ones stay.
    assert_eq!(store.purge_expired_sessions(at(11)).await.unwrap(), 1);
    store.end_session("hash-a").await.unwrap();
    assert!(store.session("hash-a", at(9)).await.unwrap().is_none());
    store
        .create_session("hash-c", id, "csrf-c", at(8), at(20))
        .await
        .unwrap();
    store.set_password(id, "new").await.unwrap();
    assert!(store.session("hash-c", at(9)).await.unwrap().is_none());
}

pub async fn tokens_set_a_password_once_before_they_expire(store: Store) {
    let email = Email::parse("pozvana@example.cz").unwrap();
    let id = store
        .create_account(&email, "Pozvaná", None, &[], at(8))
        .await
        .unwrap();
    store
        .create_token("t1", TokenPurpose::Invitation, id, None, at(8), at(12))
        .await
        .unwrap();
    // A token is for one purpose.
    assert!(
        store
            .token_account("t1", TokenPurpose::PasswordReset, at(9))
            .await
            .unwrap()
            .is_none()
    );
    assert_eq!(
        store
            .token_account("t1", TokenPurpose::Invitation, at(9))
            .await
            .unwrap()
            .map(|a| a.id),
        Some(id)
    );
    assert_eq!(
        store
            .redeem_token(
                "t1",
                TokenPurpose::Invitation,
                "hash",
                Some("Eva Malá"),
                at(9)
            )
            .await
            .unwrap(),
        Some(id)
    );
    let record = store.login_record(&email).await.unwrap().unwrap();
    assert_eq!(record.password_hash.as_deref(), Some("hash"));
    assert_eq!(record.account.name, "Eva Malá");
    assert_eq!(
        store
            .redeem_token("t1", TokenPurpose::Invitation, "other", None, at(9))
            .await
            .unwrap(),
        None
    );
    store
        .create_token("t2", TokenPurpose::PasswordReset, id, None, at(8), at(10))
        .await
        .unwrap();
    assert_eq!(
        store
            .redeem_token("t2", TokenPurpose::PasswordReset, "late", None, at(11))
            .await
            .unwrap(),
        None
    );
    assert_eq!(
        store
            .login_record(&email)
            .await
            .unwrap()
            .unwrap()
            .password_hash
            .as_deref(),
        Some("hash")
    );
}
