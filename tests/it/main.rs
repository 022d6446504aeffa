//! The one integration test binary. Each module tests one behaviour; fixtures live in
//! `tests/fixtures/` (see `tests/README.md` for how to add a case).

mod accuracy;
mod build;
mod cli;
mod compare;
mod differences;
mod faults;
mod hostile;
mod import;
mod language;
mod large;
mod links;
mod output;
mod publish;
mod quotes;
mod reader;
mod regressions;
mod scale;
mod serve;
mod support;
