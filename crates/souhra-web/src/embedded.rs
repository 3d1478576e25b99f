//! Files embedded at build time by `build.rs`: templates, static assets, translations.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
