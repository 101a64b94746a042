//! news-widget: an embeddable news-article widget (SPEC: `../shared/SPEC.md`).
//!
//! Pure logic (no DOM, tested natively): [`model`] (the article, read and written with serde),
//! [`url`], [`date`], [`i18n`], [`text_size`], [`error`], [`format`]. Browser side: [`fetch`],
//! [`storage`], [`events`], [`embed`] and the views in [`components`] (Leptos components in
//! `view!`).

pub mod attributes;
pub mod date;
pub mod error;
pub mod format;
pub mod i18n;
pub mod model;
pub mod text_size;
pub mod url;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod embed;
#[cfg(target_arch = "wasm32")]
pub mod events;
#[cfg(target_arch = "wasm32")]
pub mod fetch;
#[cfg(target_arch = "wasm32")]
pub mod storage;
