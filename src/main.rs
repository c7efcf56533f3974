use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    factlint::cli::main(factlint::cli::Cli::parse())
}
