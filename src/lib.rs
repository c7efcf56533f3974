//! factlint: a fact-consistency checker for editorial drafts in French and English.
//!
//! Data flows one way: [`source`] (markup → Document) → [`extract`] (nom parsers → claims) →
//! [`rules`] (claims → diagnostics) → [`report`] (diagnostics → output).
#![deny(clippy::unwrap_used)]

pub mod check;
pub mod cli;
pub mod config;
pub mod diagnostic;
pub mod error;
pub mod extract;
pub mod facts;
pub mod fix;
pub mod fsutil;
pub mod fxhash;
pub mod report;
#[macro_use]
pub mod rules;
pub mod source;
pub mod span;
pub mod suppress;
pub mod walk;
pub mod workflow;
