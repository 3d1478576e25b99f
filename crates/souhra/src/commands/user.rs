//! `souhra user add|list`: accounts from the command line (the first administrator, scripted
//! set-ups). Everything else about accounts happens in the administration pages.

use std::io::BufRead;

use chrono::Utc;
use souhra_core::account::{Email, Grant, Role, check_password, clean_name};
use souhra_core::catalogue::Ico;
use souhra_store::account::TokenPurpose;

use super::{say, store_for};
use crate::cli::UserAdd;
use crate::config::Config;
use crate::failure::Failure;

/// How long the link printed by `user add` works.
const LINK_DAYS: i64 = 7;

/// `souhra user add`.
pub async fn user_add(config: &Config, args: &UserAdd) -> Result<(), Failure> {
    let email = Email::parse(&args.email).map_err(|e| Failure::input(format!("--email: {e}")))?;
    let role = Role::from_key(&args.role).map_err(|e| Failure::input(format!("--role: {e}")))?;
    let name = clean_name(args.name.as_deref().unwrap_or(email.as_str()))
        .map_err(|e| Failure::input(format!("--name: {e}")))?;
    let organization = args
        .organization
        .as_deref()
        .map(Ico::parse)
        .transpose()
        .map_err(|e| Failure::input(format!("--organization: {e}")))?;
    let password = if args.password_stdin {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Failure::input(format!("standard input: {e}")))?;
        let password = line.trim_end_matches(['\r', '\n']).to_owned();
        check_password(&password).map_err(|e| Failure::input(format!("password: {e}")))?;
        Some(password)
    } else {
        None
    };
    let store = store_for(config).await?;
    let area = match &args.area {
        Some(slug) => Some(store.area_by_slug(slug).await?.ok_or_else(|| {
            Failure::input(format!("--area: no area {slug:?} (see souhra area list)"))
        })?),
        None => None,
    };
    let grant = Grant::new(role, area.as_ref().map(|a| a.id), organization)
        .map_err(|e| Failure::input(e.to_string()))?;
    let hash = match password {
        Some(p) => Some(souhra_web::auth::hash_password(p).await?),
        None => None,
    };
    let now = Utc::now();
    let id = match store.login_record(&email).await? {
        Some(existing) => {
            let added = store.add_grant(existing.account.id, &grant).await?;
            if let Some(hash) = &hash {
                store.set_password(existing.account.id, hash).await?;
            }
            say(&format!(
                "{email}: {} {}",
                if added {
                    "given the role"
                } else {
                    "already has the role"
                },
                role.key()
            ));
            existing.account.id
        }
        None => {
            let id = store
                .create_account(
                    &email,
                    &name,
                    hash.as_deref(),
                    std::slice::from_ref(&grant),
                    now,
                )
                .await?;
            say(&format!(
                "{email}: account created with the role {}",
                role.key()
            ));
            id
        }
    };
    if hash.is_none() {
        let (token, token_hash) = souhra_web::auth::one_time_token()?;
        store
            .create_token(
                &token_hash,
                TokenPurpose::Invitation,
                id,
                None,
                now,
                now + chrono::Duration::days(LINK_DAYS),
            )
            .await?;
        let base = config.public_url.as_ref().map_or_else(
            || format!("http://{}", config.listen.value),
            |u| u.value.clone(),
        );
        say(&format!(
            "set the password within {LINK_DAYS} days at: {}/pozvanka/{token}",
            base.trim_end_matches('/')
        ));
    }
    store.close().await;
    Ok(())
}

/// `souhra user list`.
pub async fn user_list(config: &Config) -> Result<(), Failure> {
    let store = store_for(config).await?;
    let areas = store.areas().await?;
    let mut seen = std::collections::BTreeMap::new();
    for area in &areas {
        for account in store.accounts_in_area(area.id).await? {
            seen.insert(account.email.clone(), account);
        }
    }
    for account in store.installation_admins().await? {
        seen.insert(account.email.clone(), account);
    }
    for account in seen.values() {
        let roles: Vec<String> = account
            .grants
            .iter()
            .map(|g| {
                let area = g
                    .area
                    .and_then(|id| areas.iter().find(|a| a.id == id))
                    .map_or_else(|| "*".to_owned(), |a| a.slug.to_string());
                match &g.organization {
                    Some(ico) => format!("{}@{area}:{ico}", g.role.key()),
                    None => format!("{}@{area}", g.role.key()),
                }
            })
            .collect();
        say(&format!(
            "{}\t{}\t{}{}",
            account.email,
            account.name,
            roles.join(" "),
            if account.active { "" } else { "\tinactive" }
        ));
    }
    if seen.is_empty() {
        say(
            "no accounts yet; add the first administrator with: souhra user add --email ADDRESS --role administrator",
        );
    }
    store.close().await;
    Ok(())
}
