//! `qarar`: the reader window, or a command-line tool with a subcommand.
//!
//! On Windows the program is a GUI program (no console window opens when it is started from
//! Explorer or the Start menu); started from a terminal, it attaches to that terminal's console
//! so `qarar.exe outline …` and `--version` still print there.

// Release and debug builds alike: the Windows build has no console window of its own.
#![windows_subsystem = "windows"]

use clap::Parser;
use qarar::cli::Cli;
use std::process::ExitCode;
use std::time::Instant;

fn main() -> ExitCode {
    let started = Instant::now();
    #[cfg(windows)]
    windows_console::attach_to_parent();
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

/// The program's one foreign call (the workspace denies `unsafe_code`; allowed here only).
#[cfg(windows)]
#[allow(unsafe_code)]
mod windows_console {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        // Both take and return plain integers (a handle is only compared, never used), so
        // they are declared safe to call.
        safe fn AttachConsole(process_id: u32) -> i32;
        safe fn GetStdHandle(which: u32) -> isize;
    }

    /// Attach to the console of the process that started this one (a terminal), unless the
    /// output already goes somewhere (redirected to a file or a pipe) or there is no such
    /// console (started from Explorer: then nothing happens and nothing is printed).
    pub(crate) fn attach_to_parent() {
        const ATTACH_PARENT_PROCESS: u32 = u32::MAX;
        const STD_OUTPUT_HANDLE: u32 = -11i32 as u32;
        let out = GetStdHandle(STD_OUTPUT_HANDLE);
        if out == 0 || out == -1 {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}
