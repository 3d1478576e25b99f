//! Accounts through the HTTP surface: login, sessions, lockout, CSRF, invitations and password
//! resets by e-mail (read back from the .eml outbox), and the route × role matrix of the
//! administration.

use std::path::Path;
use std::time::Duration;

use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use souhra_core::account::{AccountId, Email, Grant, Role};
use souhra_core::catalogue::Ico;
use souhra_web::WebConfig;
use souhra_web::auth::AccountSettings;
use souhra_web::mail::MailSettings;

use souhra_store::testing::TestDatabase;

use super::{App, Reply, app_on};

pub(super) const PASSWORD: &str = "dlouhé heslo pro test";

pub(super) struct Accounts {
    pub(super) app: App,
    outbox: tempfile::TempDir,
}

pub(super) async fn accounts_app() -> Accounts {
    accounts_app_on(TestDatabase::sqlite().await.unwrap()).await
}

/// The settings of the accounts tests, with e-mails written to `outbox`.
pub(super) fn accounts_config(outbox: &Path) -> WebConfig {
    WebConfig {
        version: "0.0.0-test".into(),
        public_url: Some("https://souhra.example".into()),
        situations: souhra_interop::bundled::life_situations(None).unwrap(),
        accounts: AccountSettings {
            max_failures: 3,
            lockout: Duration::from_secs(10 * 60),
            ..AccountSettings::default()
        },
        mail: MailSettings {
            from: "Souhra Test <souhra@souhra.example>".into(),
            smtp_url: None,
            outbox: Some(outbox.to_path_buf()),
        },
        ..WebConfig::default()
    }
}

/// The accounts tests' application on `database`.
pub(super) async fn accounts_app_on(database: TestDatabase) -> Accounts {
    let outbox = tempfile::tempdir().unwrap();
    let app = app_on(database, accounts_config(outbox.path())).await;
    Accounts { app, outbox }
}

impl Accounts {
    pub(super) async fn area(&self, slug: &str) -> souhra_core::area::AreaId {
        self.app
            .database
            .store
            .area_by_slug(slug)
            .await
            .unwrap()
            .unwrap()
            .id
    }

    pub(super) async fn user(&self, email: &str, grants: &[Grant]) -> AccountId {
        let hash = souhra_web::auth::hash_password(PASSWORD.into())
            .await
            .unwrap();
        self.app
            .database
            .store
            .create_account(
                &Email::parse(email).unwrap(),
                email.split('@').next().unwrap(),
                Some(&hash),
                grants,
                chrono::Utc::now(),
            )
            .await
            .unwrap()
    }

    /// The login form's token cookie (`souhra_login=…`).
    async fn form_cookie(&self, path: &str) -> String {
        let form = self.app.get(path).await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        set_cookie(&form, "souhra_login").unwrap()
    }

    pub(super) async fn login_reply(&self, email: &str, password: &str, cookie: &str) -> Reply {
        let jar = self.form_cookie("/prihlaseni").await;
        let token = jar.split_once('=').unwrap().1.to_owned();
        let cookies = if cookie.is_empty() {
            jar
        } else {
            format!("{jar}; {cookie}")
        };
        self.app
            .post(
                "/prihlaseni",
                &[("email", email), ("heslo", password), ("token", &token)],
                &cookies,
            )
            .await
    }

    /// Logs in; returns the session cookie (`souhra_session=…`).
    pub(super) async fn login(&self, email: &str) -> String {
        let reply = self.login_reply(email, PASSWORD, "").await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
        set_cookie(&reply, "souhra_session").unwrap()
    }

    pub(super) fn mails(&self) -> Vec<String> {
        read_outbox(self.outbox.path())
    }
}

/// The `name=value` of a cookie the reply sets.
fn set_cookie(reply: &Reply, name: &str) -> Option<String> {
    reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&format!("{name}=")))
        .map(|v| v.split(';').next().unwrap().to_owned())
}

/// The messages of the outbox in order, quoted-printable undone.
fn read_outbox(dir: &Path) -> Vec<String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map(|d| d.map(|e| e.unwrap().path()).collect())
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .map(|f| {
            assert_eq!(f.extension().unwrap(), "eml");
            let raw = std::fs::read_to_string(f).unwrap().replace("=\r\n", "");
            let mut out = Vec::new();
            let bytes = raw.as_bytes();
            let mut i = 0;
            while i < bytes.len() {
                if bytes[i] == b'='
                    && i + 2 < bytes.len()
                    && let Ok(b) = u8::from_str_radix(&raw[i + 1..i + 3], 16)
                {
                    out.push(b);
                    i += 3;
                    continue;
                }
                out.push(bytes[i]);
                i += 1;
            }
            String::from_utf8(out).unwrap()
        })
        .collect()
}

/// The path of the link (`/pozvanka/…`) in a message.
fn link_in(mail: &str, path: &str) -> String {
    let start = mail
        .find(&format!("https://souhra.example{path}"))
        .unwrap_or_else(|| panic!("{path} in {mail}"));
    let link: String = mail[start..]
        .chars()
        .take_while(|c| !c.is_whitespace())
        .collect();
    link.trim_start_matches("https://souhra.example").to_owned()
}

#[tokio::test]
async fn login_starts_a_fresh_secure_session_and_logout_ends_it() {
    let t = accounts_app().await;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinatorka@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    // Without a session the administration sends you to log in, and back afterwards.
    let away = t.app.get("/sprava/nepomuk/uzivatele").await;
    assert_eq!(away.status, StatusCode::SEE_OTHER);
    assert_eq!(
        away.headers[header::LOCATION],
        "/prihlaseni?dalsi=/sprava/nepomuk/uzivatele"
    );
    let form = t
        .app
        .get("/prihlaseni?dalsi=/sprava/nepomuk/uzivatele")
        .await;
    assert!(
        form.body
            .contains("name=\"dalsi\" value=\"/sprava/nepomuk/uzivatele\"")
    );
    assert_eq!(form.headers[header::CACHE_CONTROL], "private, no-store");

    let reply = t
        .login_reply("Koordinatorka@Nepomuk.cz", PASSWORD, "")
        .await;
    assert_eq!(reply.status, StatusCode::SEE_OTHER, "{}", reply.body);
    assert_eq!(reply.headers[header::LOCATION], "/sprava");
    let raw = reply
        .headers
        .get_all(header::SET_COOKIE)
        .iter()
        .map(|v| v.to_str().unwrap())
        .find(|v| v.starts_with("souhra_session="))
        .unwrap()
        .to_owned();
    for flag in ["HttpOnly", "SameSite=Lax", "Secure", "Path=/"] {
        assert!(raw.contains(flag), "{raw}");
    }
    let first = set_cookie(&reply, "souhra_session").unwrap();
    let home = t.app.get_with("/sprava", &[("cookie", &first)]).await;
    assert_eq!(home.status, StatusCode::OK);
    assert!(
        home.text.contains("koordinatorka@nepomuk.cz"),
        "{}",
        home.text
    );
    assert!(home.body.contains("href=\"/sprava/nepomuk/uzivatele\""));
    assert!(
        !home
            .body
            .contains("href=\"/sprava/plzensky-kraj/uzivatele\"")
    );

    // Logging in again with a session cookie present gives a new id and ends the old session.
    let again = t
        .login_reply("koordinatorka@nepomuk.cz", PASSWORD, &first)
        .await;
    let second = set_cookie(&again, "souhra_session").unwrap();
    assert_ne!(first, second);
    let old = t.app.get_with("/sprava", &[("cookie", &first)]).await;
    assert_eq!(old.status, StatusCode::SEE_OTHER);

    // Logout needs the session's form token.
    let no_token = t.app.post("/odhlaseni", &[], &second).await;
    assert_eq!(no_token.status, StatusCode::FORBIDDEN);
    let home = t.app.get_with("/sprava", &[("cookie", &second)]).await;
    let csrf = hidden_value(&home.body, "csrf");
    let out = t.app.post("/odhlaseni", &[("csrf", &csrf)], &second).await;
    assert_eq!(out.status, StatusCode::SEE_OTHER);
    assert!(
        out.headers[header::SET_COOKIE]
            .to_str()
            .unwrap()
            .contains("Max-Age=0")
    );
    let gone = t.app.get_with("/sprava", &[("cookie", &second)]).await;
    assert_eq!(gone.status, StatusCode::SEE_OTHER);

    // An offsite return address is not followed.
    let jar = t.form_cookie("/prihlaseni").await;
    let token = jar.split_once('=').unwrap().1.to_owned();
    let evil = t
        .app
        .post(
            "/prihlaseni",
            &[
                ("email", "koordinatorka@nepomuk.cz"),
                ("heslo", PASSWORD),
                ("token", &token),
                ("dalsi", "//evil.example/"),
            ],
            &jar,
        )
        .await;
    assert_eq!(evil.headers[header::LOCATION], "/sprava");
}

pub(super) fn hidden_value(body: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let start = body
        .find(&marker)
        .unwrap_or_else(|| panic!("{marker} in {body}"))
        + marker.len();
    body[start..].split('"').next().unwrap().to_owned()
}

#[tokio::test]
async fn wrong_passwords_lock_the_account_for_the_configured_time() {
    let t = accounts_app().await;
    let id = t.user("jana@nepomuk.cz", &[]).await;
    let unknown = t.login_reply("nikdo@nepomuk.cz", PASSWORD, "").await;
    assert_eq!(unknown.status, StatusCode::UNAUTHORIZED);
    let wrong = t.login_reply("jana@nepomuk.cz", "špatné heslo", "").await;
    assert_eq!(wrong.status, StatusCode::UNAUTHORIZED);
    // The same answer for an unknown address and a wrong password.
    assert!(wrong.text.contains("E-mail nebo heslo nesouhlasí."));
    assert!(unknown.text.contains("E-mail nebo heslo nesouhlasí."));
    t.login_reply("jana@nepomuk.cz", "špatné heslo", "").await;
    let locked = t.login_reply("jana@nepomuk.cz", "špatné heslo", "").await;
    assert_eq!(locked.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(locked.text.contains("zablokován"), "{}", locked.text);
    // Locked: even the right password does not open it…
    let still = t.login_reply("jana@nepomuk.cz", PASSWORD, "").await;
    assert_eq!(still.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(set_cookie(&still, "souhra_session").is_none());
    // …for the configured ten minutes.
    let record = t
        .app
        .database
        .store
        .login_record(&Email::parse("jana@nepomuk.cz").unwrap())
        .await
        .unwrap()
        .unwrap();
    let left = record.locked_until.unwrap() - chrono::Utc::now();
    assert!(
        left > chrono::Duration::minutes(9) && left <= chrono::Duration::minutes(10),
        "{left}"
    );
    // Once the lock has passed, the right password works.
    use sqlx::Connection;
    let souhra_store::DatabaseTarget::Sqlite { path } = t.app.database.target() else {
        panic!("sqlite expected");
    };
    let mut db = sqlx::SqliteConnection::connect(&format!("sqlite://{}", path.display()))
        .await
        .unwrap();
    sqlx::query("UPDATE account SET locked_until = $1 WHERE id = $2")
        .bind(chrono::Utc::now() - chrono::Duration::seconds(1))
        .bind(id.0)
        .execute(&mut db)
        .await
        .unwrap();
    t.login("jana@nepomuk.cz").await;
}

#[tokio::test]
async fn forms_without_a_valid_csrf_token_are_rejected() {
    let t = accounts_app().await;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "spravce@nepomuk.cz",
        &[Grant::new(Role::Administrator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let missing = t
        .app
        .post(
            "/prihlaseni",
            &[("email", "spravce@nepomuk.cz"), ("heslo", PASSWORD)],
            "",
        )
        .await;
    assert_eq!(missing.status, StatusCode::BAD_REQUEST);
    let forged = t
        .app
        .post(
            "/prihlaseni",
            &[
                ("email", "spravce@nepomuk.cz"),
                ("heslo", PASSWORD),
                ("token", "aa"),
            ],
            "souhra_login=bb",
        )
        .await;
    assert_eq!(forged.status, StatusCode::BAD_REQUEST);
    assert!(set_cookie(&forged, "souhra_session").is_none());
    let session = t.login("spravce@nepomuk.cz").await;
    let invite = [
        ("email", "novy@nepomuk.cz"),
        ("jmeno", "Nový"),
        ("role", "read-only"),
    ];
    let without = t
        .app
        .post("/sprava/nepomuk/pozvat", &invite, &session)
        .await;
    assert_eq!(without.status, StatusCode::FORBIDDEN);
    let mut wrong = invite.to_vec();
    wrong.push(("csrf", "0000"));
    let with_wrong = t.app.post("/sprava/nepomuk/pozvat", &wrong, &session).await;
    assert_eq!(with_wrong.status, StatusCode::FORBIDDEN);
    assert!(t.mails().is_empty());
    let forgot = t
        .app
        .post("/zapomenute-heslo", &[("email", "spravce@nepomuk.cz")], "")
        .await;
    assert_eq!(forgot.status, StatusCode::BAD_REQUEST);
    assert!(t.mails().is_empty());
}

#[tokio::test]
async fn invitations_and_password_resets_go_by_mail_and_links_work_once() {
    let t = accounts_app().await;
    let nepomuk = t.area("nepomuk").await;
    t.user(
        "koordinatorka@nepomuk.cz",
        &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let session = t.login("koordinatorka@nepomuk.cz").await;
    let page = t
        .app
        .get_with("/sprava/nepomuk/uzivatele", &[("cookie", &session)])
        .await;
    assert_eq!(page.status, StatusCode::OK);
    let csrf = hidden_value(&page.body, "csrf");
    // A coordinator invites providers, members and readers, not coordinators or administrators.
    assert!(page.body.contains("value=\"provider-editor\""));
    assert!(!page.body.contains("value=\"coordinator\""));
    assert!(!page.body.contains("value=\"administrator\""));
    let xss = "<script>alert(1)</script> Eva";
    let bad_ico = t
        .app
        .post(
            "/sprava/nepomuk/pozvat",
            &[
                ("email", "eva@poskytovatel.cz"),
                ("jmeno", xss),
                ("role", "provider-editor"),
                ("ico", "12345678"),
                ("csrf", &csrf),
            ],
            &session,
        )
        .await;
    assert_eq!(bad_ico.status, StatusCode::BAD_REQUEST);
    assert!(bad_ico.text.contains("platné IČO"), "{}", bad_ico.text);
    assert!(!bad_ico.body.contains("<script>alert(1)"));
    assert!(
        bad_ico
            .body
            .contains("&lt;script&gt;alert(1)&lt;/script&gt; Eva")
    );
    let sent = t
        .app
        .post(
            "/sprava/nepomuk/pozvat",
            &[
                ("email", "Eva@Poskytovatel.cz"),
                ("jmeno", xss),
                ("role", "provider-editor"),
                ("ico", "00075370"),
                ("csrf", &csrf),
            ],
            &session,
        )
        .await;
    assert_eq!(sent.status, StatusCode::SEE_OTHER, "{}", sent.body);
    let mails = t.mails();
    assert_eq!(mails.len(), 1);
    let invitation = &mails[0];
    assert!(
        invitation.contains("To: eva@poskytovatel.cz"),
        "{invitation}"
    );
    assert!(
        invitation.contains("From: \"Souhra Test\" <souhra@souhra.example>")
            || invitation.contains("From: Souhra Test <souhra@souhra.example>"),
        "{invitation}"
    );
    assert!(
        invitation.contains("editor poskytovatele pro území Nepomuk"),
        "{invitation}"
    );
    let link = link_in(invitation, "/pozvanka/");
    let users = t
        .app
        .get_with("/sprava/nepomuk/uzivatele", &[("cookie", &session)])
        .await;
    assert!(users.text.contains("eva@poskytovatel.cz"));
    assert!(users.text.contains("editor poskytovatele (00075370)"));
    assert!(!users.body.contains("<script>alert(1)"));

    // The invited person sets a name and a password, once.
    let form = t.app.get(&link).await;
    assert_eq!(form.status, StatusCode::OK);
    assert!(form.text.contains("eva@poskytovatel.cz"));
    let jar = set_cookie(&form, "souhra_login").unwrap();
    let token = jar.split_once('=').unwrap().1.to_owned();
    let short = t
        .app
        .post(
            &link,
            &[
                ("jmeno", "Eva Malá"),
                ("heslo", "krátké"),
                ("heslo2", "krátké"),
                ("token", &token),
            ],
            &jar,
        )
        .await;
    assert_eq!(short.status, StatusCode::BAD_REQUEST);
    assert!(short.text.contains("alespoň 10 znaků"), "{}", short.text);
    let form = t.app.get(&link).await;
    let jar = set_cookie(&form, "souhra_login").unwrap();
    let token = jar.split_once('=').unwrap().1.to_owned();
    let done = t
        .app
        .post(
            &link,
            &[
                ("jmeno", "Eva Malá"),
                ("heslo", PASSWORD),
                ("heslo2", PASSWORD),
                ("token", &token),
            ],
            &jar,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER, "{}", done.body);
    assert_eq!(done.headers[header::LOCATION], "/prihlaseni?stav=heslo");
    let eva = t.login("eva@poskytovatel.cz").await;
    assert_eq!(t.app.get(&link).await.status, StatusCode::NOT_FOUND);

    // A forgotten password: the same answer for any address, a mail only to a real account.
    for email in ["nikdo@nepomuk.cz", "eva@poskytovatel.cz"] {
        let jar = t.form_cookie("/zapomenute-heslo").await;
        let token = jar.split_once('=').unwrap().1.to_owned();
        let reply = t
            .app
            .post(
                "/zapomenute-heslo",
                &[("email", email), ("token", &token)],
                &jar,
            )
            .await;
        assert_eq!(reply.status, StatusCode::OK);
        assert!(reply.text.contains("Pokud k zadané adrese existuje účet"));
    }
    let mails = t.mails();
    assert_eq!(mails.len(), 2);
    assert!(mails[1].contains("To: eva@poskytovatel.cz"));
    let reset = link_in(&mails[1], "/nove-heslo/");
    let form = t.app.get(&reset).await;
    let jar = set_cookie(&form, "souhra_login").unwrap();
    let token = jar.split_once('=').unwrap().1.to_owned();
    let new = "úplně nové heslo";
    let done = t
        .app
        .post(
            &reset,
            &[("heslo", new), ("heslo2", new), ("token", &token)],
            &jar,
        )
        .await;
    assert_eq!(done.status, StatusCode::SEE_OTHER);
    // The new password ends every session and the old password stops working.
    let ended = t.app.get_with("/sprava", &[("cookie", &eva)]).await;
    assert_eq!(ended.status, StatusCode::SEE_OTHER);
    let old = t.login_reply("eva@poskytovatel.cz", PASSWORD, "").await;
    assert_eq!(old.status, StatusCode::UNAUTHORIZED);
    let fresh = t.login_reply("eva@poskytovatel.cz", new, "").await;
    assert_eq!(fresh.status, StatusCode::SEE_OTHER);

    // Someone with an account gets the role at once, and a notice.
    let reader = t
        .app
        .post(
            "/sprava/nepomuk/pozvat",
            &[
                ("email", "eva@poskytovatel.cz"),
                ("jmeno", "Eva"),
                ("role", "read-only"),
                ("csrf", &csrf),
            ],
            &session,
        )
        .await;
    assert_eq!(reader.status, StatusCode::SEE_OTHER);
    let mails = t.mails();
    assert_eq!(mails.len(), 3);
    assert!(
        mails[2].contains("roli jen čtení pro území Nepomuk"),
        "{}",
        mails[2]
    );
    assert!(!mails[2].contains("/pozvanka/"));
}

/// A request of the matrix: what it is, and how to send it.
struct Route {
    name: &'static str,
    method: &'static str,
    path: &'static str,
    form: &'static [(&'static str, &'static str)],
}

const ROUTES: &[Route] = &[
    Route {
        name: "admin home",
        method: "GET",
        path: "/sprava",
        form: &[],
    },
    Route {
        name: "users of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/uzivatele",
        form: &[],
    },
    Route {
        name: "users of the region",
        method: "GET",
        path: "/sprava/plzensky-kraj/uzivatele",
        form: &[],
    },
    Route {
        name: "invite a reader to Nepomuk",
        method: "POST",
        path: "/sprava/nepomuk/pozvat",
        form: &[("role", "read-only")],
    },
    Route {
        name: "invite a provider editor to Nepomuk",
        method: "POST",
        path: "/sprava/nepomuk/pozvat",
        form: &[("role", "provider-editor"), ("ico", "00075370")],
    },
    Route {
        name: "invite a coordinator to Nepomuk",
        method: "POST",
        path: "/sprava/nepomuk/pozvat",
        form: &[("role", "coordinator")],
    },
    Route {
        name: "invite an administrator to Nepomuk",
        method: "POST",
        path: "/sprava/nepomuk/pozvat",
        form: &[("role", "administrator")],
    },
    Route {
        name: "invite a reader to the region",
        method: "POST",
        path: "/sprava/plzensky-kraj/pozvat",
        form: &[("role", "read-only")],
    },
    Route {
        name: "services of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/sluzby",
        form: &[],
    },
    Route {
        name: "queue of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/fronta",
        form: &[],
    },
    Route {
        name: "audit log of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/audit",
        form: &[],
    },
    Route {
        name: "queue of the region",
        method: "GET",
        path: "/sprava/plzensky-kraj/fronta",
        form: &[],
    },
    Route {
        name: "edit form of provider A's service",
        method: "GET",
        path: "/sprava/nepomuk/sluzba/{service}",
        form: &[],
    },
    Route {
        name: "save provider A's service",
        method: "POST",
        path: "/sprava/nepomuk/sluzba/{service}",
        form: &[
            ("name", "Pečovatelská služba Nepomuk"),
            ("description", "Popis z matice."),
        ],
    },
    Route {
        name: "verify provider A's service",
        method: "POST",
        path: "/sprava/nepomuk/sluzba/{service}/overeno",
        form: &[],
    },
    Route {
        name: "history of provider A's service",
        method: "GET",
        path: "/sprava/nepomuk/sluzba/{service}/historie",
        form: &[],
    },
    Route {
        name: "restore a version",
        method: "POST",
        path: "/sprava/nepomuk/sluzba/{service}/obnovit",
        form: &[("verze", "{version}")],
    },
    Route {
        name: "decide a proposal",
        method: "POST",
        path: "/sprava/nepomuk/fronta/navrh/{proposal}",
        form: &[("rozhodnuti", "schvalit")],
    },
    Route {
        name: "settle an error report",
        method: "POST",
        path: "/sprava/nepomuk/fronta/hlaseni/{report}",
        form: &[("rozhodnuti", "opraveno")],
    },
    Route {
        name: "take a reader's role away",
        method: "POST",
        path: "/sprava/nepomuk/uzivatele/{account}/odebrat",
        form: &[("role", "read-only")],
    },
    Route {
        name: "block a reader",
        method: "POST",
        path: "/sprava/nepomuk/uzivatele/{account}/aktivni",
        form: &[("aktivni", "0")],
    },
    Route {
        name: "settings of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/nastaveni",
        form: &[],
    },
    Route {
        name: "save the coordinator's contacts",
        method: "POST",
        path: "/sprava/nepomuk/nastaveni/kontakt",
        form: &[("office", "Odbor sociálních věcí")],
    },
    Route {
        name: "form of a life situation",
        method: "GET",
        path: "/sprava/nepomuk/situace/pecuji-o-blizkeho",
        form: &[],
    },
    Route {
        name: "add a life situation",
        method: "POST",
        path: "/sprava/nepomuk/situace/nova",
        form: &[("nazev", "Matice"), ("druh", "40")],
    },
    Route {
        name: "move a life situation up",
        method: "POST",
        path: "/sprava/nepomuk/situace",
        form: &[("akce", "nahoru"), ("klic", "starnu-doma")],
    },
    Route {
        name: "installation home",
        method: "GET",
        path: "/sprava/instalace",
        form: &[],
    },
    Route {
        name: "form of a new area",
        method: "GET",
        path: "/sprava/instalace/nova-oblast",
        form: &[],
    },
    Route {
        name: "create an area",
        method: "POST",
        path: "/sprava/instalace/nova-oblast",
        form: &[
            ("slug", "{slug}"),
            ("nazev", "Matice"),
            ("druh", "municipalities"),
            ("kody", "558109"),
        ],
    },
    Route {
        name: "form of Nepomuk",
        method: "GET",
        path: "/sprava/instalace/oblasti/nepomuk",
        form: &[],
    },
    Route {
        name: "save Nepomuk",
        method: "POST",
        path: "/sprava/instalace/oblasti/nepomuk",
        form: &[
            ("nazev", "Nepomuk"),
            ("druh", "orp"),
            ("kody", "3207"),
            ("demo", "1"),
        ],
    },
    Route {
        name: "display labels of service kinds",
        method: "GET",
        path: "/sprava/instalace/ciselniky/service_kind",
        form: &[],
    },
    Route {
        name: "save display labels",
        method: "POST",
        path: "/sprava/instalace/ciselniky/target_group",
        form: &[],
    },
    Route {
        name: "installation audit log",
        method: "GET",
        path: "/sprava/instalace/audit",
        form: &[],
    },
    Route {
        name: "plans of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/plany",
        form: &[],
    },
    Route {
        name: "create a plan",
        method: "POST",
        path: "/sprava/nepomuk/plany",
        form: &[
            ("druh", "action_plan"),
            ("nazev", "Akční plán z matice"),
            ("od", "2026"),
            ("do_", "2027"),
        ],
    },
    Route {
        name: "a plan's page",
        method: "GET",
        path: "/sprava/nepomuk/plan/{plan}",
        form: &[],
    },
    Route {
        name: "add a chapter to a plan",
        method: "POST",
        path: "/sprava/nepomuk/plan/{plan}/prvek",
        form: &[("druh", "chapter"), ("nazev", "Kapitola z matice")],
    },
    Route {
        name: "publish a plan for comment",
        method: "POST",
        path: "/sprava/nepomuk/plan/{plan}/stav",
        form: &[("stav", "in_comment")],
    },
    Route {
        name: "save the results of a balance report",
        method: "POST",
        path: "/sprava/nepomuk/plan/{balance}/vysledky",
        form: &[("revize", "1")],
    },
    Route {
        name: "draw a yearly document from the plans in force again",
        method: "POST",
        path: "/sprava/nepomuk/plan/{balance}/zdroje",
        form: &[],
    },
    Route {
        name: "the template of a plan's structure",
        method: "GET",
        path: "/sprava/nepomuk/plan/{plan}/sablona.xlsx",
        form: &[],
    },
    Route {
        name: "groups of Nepomuk",
        method: "GET",
        path: "/sprava/nepomuk/skupiny",
        form: &[],
    },
    Route {
        name: "create a group",
        method: "POST",
        path: "/sprava/nepomuk/skupiny",
        form: &[("druh", "working"), ("nazev", "Skupina z matice")],
    },
    Route {
        name: "a group's page",
        method: "GET",
        path: "/sprava/nepomuk/skupina/{group}",
        form: &[],
    },
    Route {
        name: "add a member to a group",
        method: "POST",
        path: "/sprava/nepomuk/skupina/{group}/clen",
        form: &[("role", "user")],
    },
    Route {
        name: "a meeting's page",
        method: "GET",
        path: "/sprava/nepomuk/schuzka/{meeting}",
        form: &[],
    },
    Route {
        name: "send a meeting's invitations",
        method: "POST",
        path: "/sprava/nepomuk/schuzka/{meeting}/pozvanky",
        form: &[],
    },
    Route {
        name: "comments on a plan",
        method: "GET",
        path: "/sprava/nepomuk/plan/{commented}/pripominky",
        form: &[],
    },
    Route {
        name: "changes between a plan's texts",
        method: "GET",
        path: "/sprava/nepomuk/plan/{plan}/zmeny",
        form: &[],
    },
    Route {
        name: "the settlement table of a plan's comments",
        method: "GET",
        path: "/sprava/nepomuk/plan/{commented}/vyporadani.xlsx",
        form: &[],
    },
    Route {
        name: "end a comment period",
        method: "POST",
        path: "/sprava/nepomuk/plan/{commented}/pripominky/ukoncit",
        form: &[],
    },
    Route {
        name: "the area's rules for comments",
        method: "POST",
        path: "/sprava/nepomuk/pripominky/pravidla",
        form: &[("plan", "{plan}"), ("dni", "14"), ("identifikace", "name")],
    },
    Route {
        name: "settle a comment",
        method: "POST",
        path: "/sprava/nepomuk/pripominka/{comment}/vyporadani",
        form: &[
            ("stav", "noted"),
            ("oduvodneni", "Bereme na vědomí."),
            ("revize", "1"),
        ],
    },
    Route {
        name: "hide a comment",
        method: "POST",
        path: "/sprava/nepomuk/pripominka/{comment}/skryt",
        form: &[("akce", "skryt"), ("duvod", "Matice")],
    },
    Route {
        name: "erase a commenter's personal data",
        method: "POST",
        path: "/sprava/nepomuk/pripominka/{comment}/anonymizovat",
        form: &[],
    },
    Route {
        name: "the area's surveys",
        method: "GET",
        path: "/sprava/nepomuk/pruzkumy",
        form: &[],
    },
    Route {
        name: "create a survey",
        method: "POST",
        path: "/sprava/nepomuk/pruzkumy",
        form: &[("nazev", "Průzkum z matice")],
    },
    Route {
        name: "a survey's page",
        method: "GET",
        path: "/sprava/nepomuk/pruzkum/{survey}",
        form: &[],
    },
    Route {
        name: "a survey's results",
        method: "GET",
        path: "/sprava/nepomuk/pruzkum/{survey}/vysledky",
        form: &[],
    },
    Route {
        name: "a survey's answers",
        method: "GET",
        path: "/sprava/nepomuk/pruzkum/{survey}/odpovedi.csv",
        form: &[],
    },
    Route {
        name: "close a survey",
        method: "POST",
        path: "/sprava/nepomuk/pruzkum/{survey}/stav",
        form: &[("stav", "closed")],
    },
    Route {
        name: "name the plans a plan draws on",
        method: "POST",
        path: "/sprava/nepomuk/plan/{plan}/vstupy",
        form: &[],
    },
    Route {
        name: "the form of a service joining a network",
        method: "GET",
        path: "/sprava/nepomuk/plan/{network}/sit?sluzba={service}",
        form: &[],
    },
    Route {
        name: "add a service to a network",
        method: "POST",
        path: "/sprava/nepomuk/plan/{network}/sit",
        form: &[
            ("sluzba", "{service}"),
            ("typ", "basic"),
            ("planovano:region", "1000"),
        ],
    },
    Route {
        name: "a service of a network",
        method: "GET",
        path: "/sprava/nepomuk/plan/{networked}/sit/{entry}",
        form: &[],
    },
    Route {
        name: "record the money paid for a service of a network",
        method: "POST",
        path: "/sprava/nepomuk/plan/{networked}/sit/{entry}/vyplaceno",
        form: &[("vyplaceno:region", "500")],
    },
];

/// A service of provider A (IČO 00075370) in Nepomuk, for the routes about one service.
pub(super) async fn provider_service(t: &Accounts) -> souhra_store::records::ServiceId {
    nepomuk_care_service(&t.app).await
}

/// "Pečovatelská služba Nepomuk" of provider A (IČO 00075370), the catalogue's only service.
pub(super) async fn nepomuk_care_service(app: &App) -> souhra_store::records::ServiceId {
    let mut e = super::catalogue_pages::entry(
        "Pečovatelská služba Nepomuk",
        "40",
        souhra_core::codelist::Form::Field,
        vec![super::catalogue_pages::facility(
            super::catalogue_pages::NEPOMUK,
            "Náměstí",
            false,
            (49.49, 13.58),
        )],
    );
    e.organization.ico = Some(Ico::parse("00075370").unwrap());
    let store = &app.database.store;
    let report = store
        .save_catalogue_entries(&[("row 1".to_owned(), e)], false, false)
        .await
        .unwrap();
    assert!(report.committed, "{report:?}");
    store.service_ids().await.unwrap()[0]
}

/// The path and form of a route with fresh records for its placeholders.
async fn materialize(
    t: &Accounts,
    service: souhra_store::records::ServiceId,
    route: &Route,
) -> (String, Vec<(String, String)>) {
    use souhra_core::catalogue::{FieldValue, LocalField};
    let store = &t.app.database.store;
    let nepomuk = t.area("nepomuk").await;
    let now = chrono::Utc::now();
    let mut values = vec![("{service}", service.0.to_string())];
    let text = format!(
        "{}{}",
        route.path,
        route.form.iter().map(|f| f.1).collect::<String>()
    );
    if text.contains("{proposal}") {
        let id = store
            .propose_change(
                service,
                Some(nepomuk),
                &[(LocalField::Fees, FieldValue::Text(Some("Zdarma".into())))],
                None,
                None,
                now,
            )
            .await
            .unwrap();
        values.push(("{proposal}", id.to_string()));
    }
    if text.contains("{account}") {
        let email = format!(
            "cil{}@nepomuk.cz",
            now.timestamp_nanos_opt().unwrap_or_default()
        );
        let id = store
            .create_account(
                &Email::parse(&email).unwrap(),
                "Cíl",
                None,
                &[Grant::new(Role::ReadOnly, Some(nepomuk), None).unwrap()],
                now,
            )
            .await
            .unwrap();
        values.push(("{account}", id.0.to_string()));
    }
    if text.contains("{report}") {
        let report = souhra_core::public::ErrorReport::new("Matice: telefon neplatí.", "").unwrap();
        let id = store
            .add_error_report(service, Some(nepomuk), &report, now)
            .await
            .unwrap();
        values.push(("{report}", id.to_string()));
    }
    if text.contains("{version}") {
        let change = souhra_store::history::ServiceChange {
            by: None,
            area: Some(nepomuk),
            source: souhra_store::history::ChangeSource::Edit,
            note: None,
            at: now,
        };
        let fees = format!("{} Kč", now.timestamp_subsec_nanos());
        let set = store
            .change_service(
                service,
                &[(LocalField::Fees, Some(FieldValue::Text(Some(fees))))],
                &change,
            )
            .await
            .unwrap()
            .unwrap();
        values.push(("{version}", set.to_string()));
    }
    if text.contains("{plan}") {
        let new = souhra_store::plan::NewPlan {
            area: nepomuk,
            kind: souhra_core::plan::PlanKind::CommunityPlan,
            title: "Plán z matice".into(),
            topic: None,
            period: souhra_core::plan::Period::new(
                souhra_core::plan::PlanKind::CommunityPlan,
                2026,
                2028,
            )
            .unwrap(),
        };
        let (plan, _) = store
            .create_plan(&new, souhra_store::plan::PlanChange { by: None, at: now })
            .await
            .unwrap();
        values.push(("{plan}", plan.0.to_string()));
    }
    if text.contains("{network") {
        // A network of Nepomuk for 2027, holding the service where the route needs an entry.
        let change = souhra_store::plan::PlanChange { by: None, at: now };
        let kind = souhra_core::plan::PlanKind::ServiceNetwork;
        let new = souhra_store::plan::NewPlan {
            area: nepomuk,
            kind,
            title: "Síť z matice".into(),
            topic: None,
            period: souhra_core::plan::Period::new(kind, 2027, 2027).unwrap(),
        };
        let (plan, version) = store.create_plan(&new, change).await.unwrap();
        values.push(("{networked}", plan.0.to_string()));
        values.push(("{network}", plan.0.to_string()));
        if text.contains("{entry}") {
            let entry = souhra_store::network::NetworkEntry {
                service,
                network_type: souhra_core::network::NetworkType::Basic,
                capacities: Vec::new(),
                justification: None,
                measures: Vec::new(),
                planned: Vec::new(),
            };
            let key = store
                .save_network_entry(version, None, &entry, change)
                .await
                .unwrap();
            values.push(("{entry}", key.to_string()));
        }
    }
    if text.contains("{comment") {
        // A plan out for comment with one comment from the public.
        let change = souhra_store::plan::PlanChange { by: None, at: now };
        let kind = souhra_core::plan::PlanKind::ActionPlan;
        let new = souhra_store::plan::NewPlan {
            area: nepomuk,
            kind,
            title: "Plán s připomínkou".into(),
            topic: None,
            period: souhra_core::plan::Period::new(kind, 2027, 2028).unwrap(),
        };
        let (plan, version) = store.create_plan(&new, change).await.unwrap();
        let today = souhra_store::comment::prague_day(now);
        let period = store
            .open_comment_period(version, today, today + chrono::Days::new(13), None, change)
            .await
            .unwrap();
        let comment = store
            .add_comment(
                period,
                &souhra_store::comment::NewComment {
                    element: None,
                    element_label: None,
                    text: souhra_core::comment::CommentText::new("Matice.", "").unwrap(),
                    author: souhra_core::comment::Author::default(),
                    account: None,
                    consent: None,
                },
                now,
            )
            .await
            .unwrap();
        values.push(("{commented}", plan.0.to_string()));
        values.push(("{comment}", comment.0.to_string()));
    }
    if text.contains("{balance}") {
        let kind = souhra_core::plan::PlanKind::BalanceReport;
        let new = souhra_store::plan::NewPlan {
            area: nepomuk,
            kind,
            title: "Zpráva z matice".into(),
            topic: None,
            period: souhra_core::plan::Period::new(kind, 2026, 2026).unwrap(),
        };
        let (plan, _) = store
            .create_plan(&new, souhra_store::plan::PlanChange { by: None, at: now })
            .await
            .unwrap();
        values.push(("{balance}", plan.0.to_string()));
    }
    if text.contains("{group}") || text.contains("{meeting}") {
        let group = store
            .create_group(
                nepomuk,
                souhra_core::group::GroupKind::Working,
                "Skupina z matice",
                None,
                souhra_store::plan::PlanChange { by: None, at: now },
            )
            .await
            .unwrap();
        values.push(("{group}", group.0.to_string()));
        let day = chrono::NaiveDate::from_ymd_opt(2030, 1, 15).unwrap();
        let meeting = store
            .save_meeting(
                group,
                None,
                &souhra_store::group::MeetingInput {
                    starts: day.and_hms_opt(14, 0, 0).unwrap(),
                    ends: day.and_hms_opt(15, 0, 0).unwrap(),
                    place: "Nepomuk".into(),
                    agenda: None,
                    minutes: None,
                    minutes_published: false,
                    cancelled: false,
                },
                souhra_store::plan::PlanChange { by: None, at: now },
            )
            .await
            .unwrap();
        values.push(("{meeting}", meeting.0.to_string()));
    }
    if text.contains("{survey}") {
        let settings = souhra_store::survey::SurveySettings {
            title: "Průzkum z matice".into(),
            intro: None,
            audience: None,
            identification: souhra_core::survey::Identification::Anonymous,
            consent: None,
            closes_on: None,
            listed: false,
            results_public: false,
        };
        let token = format!("matice{}", now.timestamp_nanos_opt().unwrap_or_default());
        let id = store
            .create_survey(
                nepomuk,
                &settings,
                &token,
                souhra_store::plan::PlanChange { by: None, at: now },
            )
            .await
            .unwrap();
        values.push(("{survey}", id.0.to_string()));
    }
    if text.contains("{slug}") {
        values.push((
            "{slug}",
            format!("matice-{}", now.timestamp_nanos_opt().unwrap_or_default()),
        ));
    }
    let fill = |text: &str| {
        values
            .iter()
            .fold(text.to_owned(), |acc, (k, v)| acc.replace(k, v))
    };
    (
        fill(route.path),
        route
            .form
            .iter()
            .map(|(k, v)| ((*k).to_owned(), fill(v)))
            .collect(),
    )
}

#[tokio::test]
async fn every_route_of_the_administration_by_every_role() {
    let t = accounts_app().await;
    let nepomuk = t.area("nepomuk").await;
    let region = t.area("plzensky-kraj").await;
    let ico = || Some(Ico::parse("00075370").unwrap());
    let service = provider_service(&t).await;
    // (who, grants, expected per route: 'y' allowed, 'n' refused, '-' sent to log in)
    let people: Vec<(&str, Vec<Grant>, &str)> = vec![
        (
            "anonymous",
            vec![],
            "---nnnnn-----nn-nnnnn-n-nn--n-n-n--n-nnnn--n-n-n---nnnnn-n---nn-n-n",
        ),
        (
            "no role",
            vec![],
            "nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn",
        ),
        (
            "installation admin",
            vec![Grant::new(Role::Administrator, None, None).unwrap()],
            "yyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        ),
        (
            "region admin",
            vec![Grant::new(Role::Administrator, Some(region), None).unwrap()],
            "yyyyyyyyyyyyyyyyyyyyyyyyyynnnnnnnnyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        ),
        (
            "Nepomuk admin",
            vec![Grant::new(Role::Administrator, Some(nepomuk), None).unwrap()],
            "yynyyyynyyynyyyyyyyyyyyyyynnnnnnnnyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        ),
        (
            "coordinator",
            vec![Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
            "yynyynnnyynnyyyyyyyynyyyyynnnnnnnnyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        ),
        (
            "region coordinator",
            vec![Grant::new(Role::Coordinator, Some(region), None).unwrap()],
            "yyyyynnyyynyyyyyyyyynyyyyynnnnnnnnyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyyy",
        ),
        (
            "group member",
            vec![Grant::new(Role::GroupMember, Some(nepomuk), None).unwrap()],
            "yynnnnnnynnnnnnnnnnnnnnnnnnnnnnnnnynyynyyyynynynyyynnnnnynyynnnyyyn",
        ),
        (
            "provider editor",
            vec![Grant::new(Role::ProviderEditor, Some(nepomuk), ico()).unwrap()],
            "yynnnnnnynnnyyyynnnnnnnnnnnnnnnnnnynynnnnyynynynyyynnnnnynyynnnnnyn",
        ),
        (
            "councillor",
            vec![Grant::new(Role::ReadOnly, Some(nepomuk), None).unwrap()],
            "yynnnnnnynnnnnnnnnnnnnnnnnnnnnnnnnynynnnnyynynynyyynnnnnynyynnnnnyn",
        ),
        (
            "region reader",
            vec![Grant::new(Role::ReadOnly, Some(region), None).unwrap()],
            "yyynnnnnynnnnnnnnnnnnnnnnnnnnnnnnnynynnnnyynynynyyynnnnnynyynnnnnyn",
        ),
    ];
    let mut checked = 0;
    let mut failures = Vec::new();
    for (n, (who, grants, expected)) in people.iter().enumerate() {
        assert_eq!(expected.len(), ROUTES.len(), "{who}");
        let session = if *who == "anonymous" {
            String::new()
        } else {
            let email = format!("matice{n}@nepomuk.cz");
            t.user(&email, grants).await;
            t.login(&email).await
        };
        // The session's form token, as the pages it may see would carry it.
        let csrf = match session.split_once('=') {
            Some((_, id)) => {
                t.app
                    .database
                    .store
                    .session(&souhra_web::auth::token_hash(id), chrono::Utc::now())
                    .await
                    .unwrap()
                    .unwrap()
                    .csrf
            }
            None => String::new(),
        };
        for (r, (route, want)) in ROUTES.iter().zip(expected.chars()).enumerate() {
            let (path, extra) = materialize(&t, service, route).await;
            let reply = if route.method == "GET" {
                t.app.get_with(&path, &[("cookie", &session)]).await
            } else {
                let email = format!("pozvany{n}x{r}@nepomuk.cz");
                let mut form: Vec<(&str, &str)> =
                    vec![("email", &email), ("jmeno", "Pozvaný"), ("csrf", &csrf)];
                form.extend(extra.iter().map(|(k, v)| (k.as_str(), v.as_str())));
                t.app.post(&path, &form, &session).await
            };
            let got = match reply.status {
                StatusCode::OK => 'y',
                StatusCode::SEE_OTHER
                    if reply.headers[header::LOCATION]
                        .to_str()
                        .unwrap()
                        .starts_with("/prihlaseni") =>
                {
                    '-'
                }
                StatusCode::SEE_OTHER => 'y',
                StatusCode::FORBIDDEN => 'n',
                other => panic!("{who} / {} {path}: {other}", route.name),
            };
            checked += 1;
            if got != want {
                failures.push(format!(
                    "{who} / {}: expected {want}, got {got}",
                    route.name
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(checked, ROUTES.len() * people.len());
    println!(
        "route × role matrix: {} routes × {} roles = {checked} checks",
        ROUTES.len(),
        people.len()
    );
}

#[tokio::test]
async fn administrators_block_accounts_and_roles_are_taken_back() {
    let t = accounts_app().await;
    let nepomuk = t.area("nepomuk").await;
    let region = t.area("plzensky-kraj").await;
    t.user(
        "spravce@nepomuk.cz",
        &[Grant::new(Role::Administrator, Some(nepomuk), None).unwrap()],
    )
    .await;
    let coordinator = t
        .user(
            "koordinator@nepomuk.cz",
            &[Grant::new(Role::Coordinator, Some(nepomuk), None).unwrap()],
        )
        .await;
    let editor = t
        .user(
            "editor@mesto.cz",
            &[Grant::new(
                Role::ProviderEditor,
                Some(nepomuk),
                Some(Ico::parse("00075370").unwrap()),
            )
            .unwrap()],
        )
        .await;
    let both = t
        .user(
            "kraj@kraj.cz",
            &[
                Grant::new(Role::ReadOnly, Some(nepomuk), None).unwrap(),
                Grant::new(Role::ReadOnly, Some(region), None).unwrap(),
            ],
        )
        .await;
    let admin = t.login("spravce@nepomuk.cz").await;
    let coord = t.login("koordinator@nepomuk.cz").await;
    let csrf_of = |session: &str| {
        let session = session.to_owned();
        let store = t.app.database.store.clone();
        async move {
            let id = session.split_once('=').unwrap().1.to_owned();
            store
                .session(&souhra_web::auth::token_hash(&id), chrono::Utc::now())
                .await
                .unwrap()
                .unwrap()
                .csrf
        }
    };
    let coord_csrf = csrf_of(&coord).await;
    let admin_csrf = csrf_of(&admin).await;
    // The coordinator takes back a provider editor's role, but blocks nobody.
    let page = t
        .app
        .get_with("/sprava/nepomuk/uzivatele", &[("cookie", &coord)])
        .await;
    assert!(
        page.body
            .contains(&format!("/sprava/nepomuk/uzivatele/{}/odebrat", editor.0))
    );
    assert!(!page.body.contains("/aktivni"));
    let revoked = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/odebrat", editor.0),
            &[
                ("role", "provider-editor"),
                ("ico", "00075370"),
                ("csrf", &coord_csrf),
            ],
            &coord,
        )
        .await;
    assert_eq!(revoked.status, StatusCode::SEE_OTHER);
    let account = t.app.database.store.account(editor).await.unwrap().unwrap();
    assert!(account.grants.is_empty());
    let blocked = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/aktivni", coordinator.0),
            &[("aktivni", "0"), ("csrf", &coord_csrf)],
            &coord,
        )
        .await;
    assert_eq!(blocked.status, StatusCode::FORBIDDEN);
    // The area's administrator blocks the coordinator: the session ends, login fails.
    let page = t
        .app
        .get_with("/sprava/nepomuk/uzivatele", &[("cookie", &admin)])
        .await;
    assert!(page.body.contains(&format!(
        "/sprava/nepomuk/uzivatele/{}/aktivni",
        coordinator.0
    )));
    // Not someone with a role elsewhere, and not oneself.
    assert!(
        !page
            .body
            .contains(&format!("/sprava/nepomuk/uzivatele/{}/aktivni", both.0))
    );
    let blocked = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/aktivni", coordinator.0),
            &[("aktivni", "0"), ("csrf", &admin_csrf)],
            &admin,
        )
        .await;
    assert_eq!(blocked.status, StatusCode::SEE_OTHER);
    assert_eq!(
        t.app
            .get_with("/sprava", &[("cookie", &coord)])
            .await
            .status,
        StatusCode::SEE_OTHER
    );
    let refused = t.login_reply("koordinator@nepomuk.cz", PASSWORD, "").await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    let elsewhere = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/aktivni", both.0),
            &[("aktivni", "0"), ("csrf", &admin_csrf)],
            &admin,
        )
        .await;
    assert_eq!(elsewhere.status, StatusCode::FORBIDDEN);
    let me = t
        .app
        .database
        .store
        .login_record(&Email::parse("spravce@nepomuk.cz").unwrap())
        .await
        .unwrap()
        .unwrap();
    let myself = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/aktivni", me.account.id.0),
            &[("aktivni", "0"), ("csrf", &admin_csrf)],
            &admin,
        )
        .await;
    assert_eq!(myself.status, StatusCode::FORBIDDEN);
    let back = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/aktivni", coordinator.0),
            &[("aktivni", "1"), ("csrf", &admin_csrf)],
            &admin,
        )
        .await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    t.login("koordinator@nepomuk.cz").await;
    // Accounts without a role in the area are not reachable through it.
    let outside = t
        .app
        .post(
            &format!("/sprava/nepomuk/uzivatele/{}/odebrat", editor.0),
            &[
                ("role", "provider-editor"),
                ("ico", "00075370"),
                ("csrf", &admin_csrf),
            ],
            &admin,
        )
        .await;
    assert_eq!(outside.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn a_bare_request_without_the_form_body_is_a_bad_request_not_a_crash() {
    let t = accounts_app().await;
    let request = Request::post("/prihlaseni")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    let reply = t.app.send(request).await;
    assert_eq!(reply.status, StatusCode::BAD_REQUEST);
}
