//! `briefing` turns news articles and YAML curation into a static briefing site: a page
//! per person, a timeline, source comparisons, article and outlet pages, and data
//! exports. The build is a pipeline — load → analyse → render → write — and each stage
//! returns data; only [`write`] and the dev server touch the output folder.

pub mod analyse;
pub mod cli;
pub mod config;
pub mod content;
pub mod diagnostic;
pub mod edtf;
pub mod error;
pub mod load;
pub mod markdown;
pub mod normalise;
pub mod source;
pub mod yaml;
