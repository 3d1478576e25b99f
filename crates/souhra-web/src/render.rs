//! HTML rendering: minijinja templates from `templates/` (auto-escaped), with one environment
//! per language so that `t(...)`, `number` and `date` know the language everywhere, macros
//! included.
//!
//! Template helpers:
//! - `t(key, name=value, …)`: the translation of `key`; numeric arguments select plural forms and
//!   are printed with the language's digit grouping.
//! - `asset(name)`: the hashed URL of a static file.
//! - `value | number`: an integer with digit grouping; `date | date`: a date in the language's form.

use std::sync::Arc;

use chrono::NaiveDate;
use fluent_bundle::{FluentArgs, FluentValue};
use minijinja::value::{Kwargs, ValueKind};
use minijinja::{
    AutoEscape, Environment, Error, ErrorKind, Output, State, UndefinedBehavior, Value,
};

use crate::assets::Assets;
use crate::i18n::{Lang, Translations};

/// Templates compiled for each language.
pub(crate) struct Renderer {
    environments: Vec<(Lang, Environment<'static>)>,
}

fn fluent_value(value: &Value) -> Result<FluentValue<'static>, Error> {
    Ok(match value.kind() {
        ValueKind::Number => {
            let number = f64::try_from(value.clone())?;
            FluentValue::from(number)
        }
        ValueKind::Undefined | ValueKind::None => FluentValue::None,
        _ => FluentValue::from(value.to_string()),
    })
}

/// Escapes text for HTML element content and quoted attribute values: `& < > " '`. (minijinja's
/// default also escapes `/`, which is safe but makes every URL in the page source unreadable.)
pub(crate) fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn html_formatter(out: &mut Output, state: &mut State, value: &Value) -> Result<(), Error> {
    if matches!(state.auto_escape(), AutoEscape::Html) && !value.is_safe() {
        out.write_str(&escape_html(&value.to_string()))?;
        return Ok(());
    }
    minijinja::escape_formatter(out, state, value)
}

fn environment(
    lang: Lang,
    translations: Arc<Translations>,
    assets: Arc<Assets>,
) -> Result<Environment<'static>, Error> {
    let mut env = Environment::new();
    env.set_undefined_behavior(UndefinedBehavior::Strict);
    env.set_formatter(html_formatter);
    env.add_global("lang", lang.code());
    env.add_function(
        "t",
        move |key: &str, kwargs: Kwargs| -> Result<String, Error> {
            let mut args = FluentArgs::new();
            for name in kwargs.args() {
                let value: Value = kwargs.get(name)?;
                args.set(name.to_owned(), fluent_value(&value)?);
            }
            let has_args = kwargs.args().next().is_some();
            Ok(translations.text(lang, key, has_args.then_some(&args)))
        },
    );
    env.add_function("asset", move |name: &str| assets.url(name));
    env.add_filter("number", move |value: Value| -> Result<String, Error> {
        if value.is_none() || value.is_undefined() {
            return Ok(String::new());
        }
        let number = f64::try_from(value)?;
        Ok(if number.fract() == 0.0 {
            lang.format_integer(number as i64)
        } else {
            lang.format_decimal(number, 1)
        })
    });
    env.add_filter("date", move |value: String| -> Result<String, Error> {
        let date = NaiveDate::parse_from_str(&value, "%Y-%m-%d").map_err(|e| {
            Error::new(
                ErrorKind::InvalidOperation,
                format!("not a date {value:?}: {e}"),
            )
        })?;
        Ok(lang.format_date(date))
    });
    for (name, source) in crate::embedded::TEMPLATES {
        env.add_template(name, source)?;
    }
    Ok(env)
}

impl Renderer {
    pub(crate) fn load(
        translations: Arc<Translations>,
        assets: Arc<Assets>,
    ) -> Result<Self, Error> {
        let environments = Lang::ALL
            .into_iter()
            .map(|lang| {
                Ok((
                    lang,
                    environment(lang, translations.clone(), assets.clone())?,
                ))
            })
            .collect::<Result<Vec<_>, Error>>()?;
        Ok(Self { environments })
    }

    /// Renders template `name` in `lang` with `context`.
    pub(crate) fn render(&self, lang: Lang, name: &str, context: Value) -> Result<String, Error> {
        let env = self
            .environments
            .iter()
            .find(|(l, _)| *l == lang)
            .map(|(_, env)| env)
            .ok_or_else(|| {
                Error::new(ErrorKind::InvalidOperation, "no environment for language")
            })?;
        env.get_template(name)?.render(context)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_but_keeps_slashes() {
        assert_eq!(
            escape_html(r#"<script>alert('x')</script> & "q" /a/b"#),
            "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot; /a/b"
        );
    }
}
