//! [`Page`]: what every HTML page shares (title, language links, navigation, area banner) and
//! the call that renders a template with it.

use axum::response::Html;
use fluent_bundle::FluentArgs;
use minijinja::{Value, context};

/// Like `minijinja::context!`, but every value goes in through serde (`name`, or `name => expr`).
macro_rules! view {
    ($($key:ident $(=> $value:expr)?),* $(,)?) => {
        minijinja::context! { $($key => minijinja::value::Serde(view!(@pick $key $(, $value)?))),* }
    };
    (@pick $key:ident) => { &$key };
    (@pick $key:ident, $value:expr) => { &$value };
}
use serde::Serialize;
use souhra_core::area::Area;
pub(crate) use view;

use crate::error::AppError;
use crate::i18n::Lang;
use crate::state::AppState;

/// An area as the page header and links show it.
#[derive(Debug, Clone, Serialize)]
pub(crate) struct AreaView {
    pub slug: String,
    pub title: String,
    pub kind: &'static str,
    pub is_demo: bool,
}

impl AreaView {
    /// The area with its translated title ("ORP Nepomuk").
    pub(crate) fn new(state: &AppState, lang: Lang, area: &Area) -> Self {
        let kind = area.kind.key();
        let mut args = FluentArgs::new();
        args.set("name", area.name.clone());
        Self {
            slug: area.slug.to_string(),
            title: state
                .translations()
                .text(lang, &format!("area-name-{kind}"), Some(&args)),
            kind,
            is_demo: area.is_demo,
        }
    }
}

#[derive(Serialize)]
struct LanguageLink {
    code: &'static str,
    href: String,
    current: bool,
}

/// Percent-encodes a query parameter value.
pub(crate) fn encode_query_value(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                out.push(char::from(byte))
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}

/// The common part of a page.
pub(crate) struct Page<'a> {
    state: &'a AppState,
    lang: Lang,
    path: String,
    title: String,
    nav: &'static str,
    area: Option<AreaView>,
}

impl<'a> Page<'a> {
    /// A page at `path` (path and query, used for the language links) in `lang`.
    pub(crate) fn new(state: &'a AppState, lang: Lang, path: &str) -> Self {
        Self {
            state,
            lang,
            path: path.to_owned(),
            title: String::new(),
            nav: "",
            area: None,
        }
    }

    /// Sets the title to a text (a proper name, or an already translated text).
    pub(crate) fn title(mut self, title: impl Into<String>) -> Self {
        self.title = title.into();
        self
    }

    /// Sets the title to the translation of `key`.
    pub(crate) fn title_key(mut self, key: &str) -> Self {
        self.title = self.state.translations().text(self.lang, key, None);
        self
    }

    /// Marks the current item of the main navigation (`areas`, `area`, `about`).
    pub(crate) fn nav(mut self, nav: &'static str) -> Self {
        self.nav = nav;
        self
    }

    /// Shows the area in the navigation (and its demo banner).
    pub(crate) fn area(mut self, area: AreaView) -> Self {
        self.area = Some(area);
        self
    }

    fn base(&self) -> Value {
        let zpet = encode_query_value(&self.path);
        let languages: Vec<LanguageLink> = Lang::ALL
            .into_iter()
            .map(|lang| LanguageLink {
                code: lang.code(),
                href: format!("/jazyk/{}?zpet={zpet}", lang.code()),
                current: lang == self.lang,
            })
            .collect();
        view! {
            page_title => self.title,
            languages,
            nav => self.nav,
            area => self.area,
            version => self.state.config().version,
        }
    }

    /// Renders `template` with the common context and `extra`.
    pub(crate) fn render_context(
        &self,
        template: &str,
        extra: Value,
    ) -> Result<String, minijinja::Error> {
        let context = context! { ..extra, ..self.base() };
        self.state.renderer().render(self.lang, template, context)
    }

    /// Renders `template` as an HTML response.
    pub(crate) fn render(&self, template: &str, extra: Value) -> Result<Html<String>, AppError> {
        Ok(Html(self.render_context(template, extra)?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            encode_query_value("/nepomuk/obce?q=kř a&b"),
            "/nepomuk/obce%3Fq%3Dk%C5%99%20a%26b"
        );
    }
}
