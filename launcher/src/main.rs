//! `cloudabi-run`: starts a CloudABI program with exactly the descriptors a
//! YAML document grants, as the original tool did.
//!
//! ```text
//! cloudabi-run [--unconfined] [--user UID:GID] [--config FILE] PROGRAM [< CONFIG.yaml]
//! ```
//!
//! The document (from stdin unless `--config`) becomes the program's
//! argdata, its tagged nodes descriptors:
//! - `!fd stdin|stdout|stderr|N`: one of the launcher's own descriptors;
//! - `!file {path: P, write: BOOL, create: BOOL, exec: BOOL, rights: [...],
//!   inheriting: [...]}`: a file or directory, read-only unless `write`;
//! - `!executable`: the program's own file;
//! - `!socket {bind|connect: IP:PORT|[IPv6]:PORT|/path, type: stream|dgram}`.
//!
//! The values of the root map's `stdin`, `stdout` and `stderr` keys become
//! descriptors 0, 1 and 2, the others 3 upward in document order. The
//! libc's default `program_main` reads `args`, `argv0`, `env`, `dirs` and
//! `cwd` from the same map.
//!
//! `config` reads the document, `grant` opens what it names, `exec` places
//! the descriptors and starts the program, `confine` restricts the process
//! before that (Landlock, seccomp, no_new_privs, an unprivileged user:
//! see docs/security.md). Any mistake stops the launch before the program
//! starts, with exit status 2.

mod config;
mod confine;
mod exec;
mod grant;

use confine::{Confinement, Settings};
use std::convert::Infallible;
use std::ffi::OsString;
use std::io::Read;
use std::path::PathBuf;
use std::process::exit;

const USAGE: &str = "\
usage: cloudabi-run [--unconfined] [--user UID:GID] [--config FILE] PROGRAM [< CONFIG.yaml]

Starts PROGRAM with exactly the descriptors the YAML configuration grants
(read from standard input unless --config is given), for example:

    %TAG ! tag:nuxi.nl,2015:cloudabi/
    ---
    stdout: !fd stdout
    args: [hello]
    dirs: {/data: !file {path: /srv/data, write: true}}

options:
  --config FILE    read the configuration from FILE
  --unconfined     run without Landlock and seccomp (for kernels lacking
                   them; a new session, no_new_privs, dropping root and
                   closing other descriptors still happen)
  --user UID:GID   when started as root, run the program as UID:GID
                   (default 65534:65534, nobody), always without capabilities
  -h, --help       print this help

The program is confined by the kernel: Landlock lets it reach only the
granted files and directories, seccomp only the system calls the library
needs. Where the kernel lacks either, cloudabi-run refuses to start the
program unless --unconfined is given.
";

#[derive(Debug, PartialEq, Eq)]
struct Options {
    confinement: Settings,
    config: Option<PathBuf>,
    program: PathBuf,
}

#[derive(Debug, PartialEq, Eq)]
enum Command {
    Help,
    Run(Options),
}

fn parse_args(args: impl IntoIterator<Item = OsString>) -> Result<Command, String> {
    let mut args = args.into_iter();
    let (mut confinement, mut config) = (Settings::default(), None);
    let mut program = None;
    let mut options_done = false;
    while let Some(arg) = args.next() {
        let text = arg.to_str().filter(|_| !options_done);
        match text {
            Some("-h" | "--help") => return Ok(Command::Help),
            Some("--unconfined") => confinement.mode = Confinement::Unconfined,
            Some("--user") => {
                let ids = args.next().ok_or("--user needs UID:GID")?;
                confinement.user = Some(confine::parse_user(&ids.to_string_lossy())?);
            }
            Some("--test-assume-landlock-abi") => {
                let n = args.next().and_then(|n| n.to_str()?.parse().ok());
                confinement.assume_landlock_abi = Some(n.ok_or("--test-assume-landlock-abi needs a number")?);
            }
            Some("--config") => config = Some(PathBuf::from(args.next().ok_or("--config needs a FILE")?)),
            Some(s) if s.starts_with("--config=") => config = Some(PathBuf::from(&s["--config=".len()..])),
            Some("--") => options_done = true,
            Some(s) if s.starts_with('-') && s.len() > 1 => return Err(format!("unknown option {s}")),
            _ if program.is_some() => {
                return Err("only one PROGRAM; its arguments go in the configuration's args:".to_string())
            }
            _ => {
                program = Some(PathBuf::from(arg));
                options_done = true;
            }
        }
    }
    let program = program.ok_or("no PROGRAM given")?;
    Ok(Command::Run(Options { confinement, config, program }))
}

fn read_config(path: &Option<PathBuf>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let (result, name) = match path {
        Some(p) => (std::fs::File::open(p).and_then(|mut f| f.read_to_end(&mut bytes)), p.display().to_string()),
        None => (std::io::stdin().lock().read_to_end(&mut bytes), "standard input".to_string()),
    };
    result.map_err(|e| format!("cannot read the configuration from {name}: {e}"))?;
    String::from_utf8(bytes).map_err(|_| format!("the configuration in {name} is not UTF-8"))
}

fn run(options: Options) -> Result<Infallible, String> {
    confine::new_session()?;
    let plan = confine::plan(&options.confinement)?;
    for warning in &plan.warnings {
        eprintln!("cloudabi-run: {warning}");
    }
    exec::limit_descriptors().map_err(|e| format!("cannot set the descriptor limit: {e}"))?;
    let text = read_config(&options.config)?;
    let doc = config::parse(&text).map_err(|e| e.to_string())?;
    // Before the program is opened, so that `!fd N` cannot mistake it for
    // an inherited descriptor.
    let grants = grant::open_all(&doc.resources, &options.program).map_err(|e| e.to_string())?;
    let program = exec::open_program(&options.program)?;
    let numbers = exec::number(&doc.root, grants.len());
    let argdata = doc.root.encode(&numbers);
    exec::launch(exec::Launch {
        program,
        program_path: options.program.as_os_str(),
        grants,
        numbers,
        argdata,
        plan,
    })
}

fn main() {
    let options = match parse_args(std::env::args_os().skip(1)) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            return;
        }
        Ok(Command::Run(options)) => options,
        Err(msg) => {
            eprint!("cloudabi-run: {msg}\n{USAGE}");
            exit(2);
        }
    };
    let Err(msg) = run(options);
    eprintln!("cloudabi-run: {msg}");
    exit(2);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Result<Command, String> {
        parse_args(args.iter().map(OsString::from))
    }

    fn run_options(mode: Confinement, config: Option<&str>, program: &str) -> Result<Command, String> {
        let confinement = Settings { mode, ..Settings::default() };
        Ok(Command::Run(Options { confinement, config: config.map(PathBuf::from), program: program.into() }))
    }

    #[test]
    fn command_line() {
        assert_eq!(parse(&["prog"]), run_options(Confinement::Kernel, None, "prog"));
        assert_eq!(
            parse(&["--unconfined", "--config", "c.yaml", "prog"]),
            run_options(Confinement::Unconfined, Some("c.yaml"), "prog")
        );
        assert_eq!(parse(&["--config=c.yaml", "prog"]), run_options(Confinement::Kernel, Some("c.yaml"), "prog"));
        assert_eq!(parse(&["--", "-prog"]), run_options(Confinement::Kernel, None, "-prog"));
        assert_eq!(parse(&["-h"]), Ok(Command::Help));
        assert_eq!(parse(&["prog", "--help"]), Err("only one PROGRAM; its arguments go in the configuration's args:".into()));
        assert_eq!(parse(&["--help", "prog"]), Ok(Command::Help));
        assert_eq!(parse(&[]), Err("no PROGRAM given".into()));
        assert_eq!(parse(&["--config"]), Err("--config needs a FILE".into()));
        assert_eq!(parse(&["--bogus", "prog"]), Err("unknown option --bogus".into()));
        assert_eq!(parse(&["a", "b"]), Err("only one PROGRAM; its arguments go in the configuration's args:".into()));
    }

    #[test]
    fn confinement_options() {
        let Ok(Command::Run(o)) = parse(&["--user", "1000:100", "--test-assume-landlock-abi", "3", "prog"]) else {
            panic!("not parsed")
        };
        let want = Settings { mode: Confinement::Kernel, user: Some(confine::Ids { uid: 1000, gid: 100 }), assume_landlock_abi: Some(3) };
        assert_eq!(o.confinement, want);
        assert_eq!(parse(&["--user"]), Err("--user needs UID:GID".into()));
        assert!(parse(&["--user", "nobody", "prog"]).unwrap_err().contains("UID:GID"));
        assert_eq!(parse(&["--test-assume-landlock-abi", "x", "p"]), Err("--test-assume-landlock-abi needs a number".into()));
    }
}
