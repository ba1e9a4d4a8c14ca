//! `chiso serve`: development server with live reload.

use crate::pipeline::BuildOptions;
use std::process::ExitCode;

pub fn run(_opts: &BuildOptions, _port: u16) -> ExitCode {
    eprintln!("chiso serve is not available yet");
    ExitCode::from(2)
}
