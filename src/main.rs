//! `qarar`: the reader window, or a command-line tool with a subcommand.

use clap::Parser;
use qarar::cli::Cli;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let started = Instant::now();
    let cli = Cli::parse();
    if let Some(command) = cli.command {
        return match qarar::cli::run(command) {
            0 => ExitCode::SUCCESS,
            _ => ExitCode::FAILURE,
        };
    }
    let start = qarar::ui::StartOptions {
        file: cli.file,
        exit_after_first_frame: cli.exit_after_first_frame,
        started: Some(started),
        data_dir: None,
        library: cli.library,
        beside: cli.beside,
        locale: sys_locale::get_locale(),
    };
    match qarar::ui::run(start) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("qarar: cannot open a window: {e}");
            ExitCode::FAILURE
        }
    }
}
