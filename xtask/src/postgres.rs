//! A throwaway PostgreSQL cluster of our own, for the API suite's second run, the bench
//! and `cargo xtask run --postgres`: Debian's `postgresql` package (installed when
//! missing; its packaged cluster and service are not used), `initdb` in a temporary
//! directory on a free port, run as an unprivileged user when we are root (the server
//! refuses root, and CI runs as root). Stopped and deleted when dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{TaskResult, check, cmd, tools};

/// How the cluster treats commits.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// fsync on: what the bench measures (a production setting).
    Durable,
    /// fsync off: for tests only, where a power cut loses nothing of value.
    Fast,
}

pub struct Cluster {
    bin: PathBuf,
    dir: PathBuf,
    port: u16,
    /// Who runs the server: `nobody` when we are root.
    user: Option<&'static str>,
    server: Option<std::process::Child>,
}

/// The role the cluster is made with (trust authentication on 127.0.0.1 only).
const ROLE: &str = "bp";

impl Cluster {
    pub fn start(durability: Durability) -> Result<Cluster, String> {
        let bin = binaries()?;
        let port = crate::contract::free_port()?;
        let dir = std::env::temp_dir().join(format!("bp-postgres-{}-{port}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let user = tools::is_root().then_some("nobody");
        if let Some(user) = user {
            check(cmd("chown", &[user, &dir.display().to_string()]))?;
        }
        let cluster = Cluster {
            bin,
            dir,
            port,
            user,
            server: None,
        };
        let data = cluster.data();
        cluster.run(
            "initdb",
            &[
                "-D",
                &data,
                "-A",
                "trust",
                "-U",
                ROLE,
                "-E",
                "UTF8",
                "--no-sync",
            ],
        )?;
        let mut args = vec![
            "-D".to_owned(),
            data.clone(),
            "-p".to_owned(),
            port.to_string(),
            "-k".to_owned(),
            cluster.dir.display().to_string(),
        ];
        let mut settings = vec!["listen_addresses=127.0.0.1", "max_connections=300"];
        if durability == Durability::Fast {
            settings.extend([
                "fsync=off",
                "synchronous_commit=off",
                "full_page_writes=off",
            ]);
        }
        for setting in settings {
            args.extend(["-c".to_owned(), setting.to_owned()]);
        }
        // Started as our child, not through `pg_ctl` (which detaches it): Ctrl+C at the
        // terminal reaches it with the rest of the task, and it stops with us.
        let log = std::fs::File::create(cluster.dir.join("log")).map_err(|e| e.to_string())?;
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let server = cluster
            .command("postgres", &args)
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .spawn()
            .map_err(|e| format!("postgres: {e}"))?;
        let mut cluster = cluster;
        cluster.server = Some(server);
        cluster.wait_until_ready()?;
        println!(
            "xtask: PostgreSQL at {} ({})",
            cluster.url(),
            cluster.dir.display()
        );
        Ok(cluster)
    }

    fn wait_until_ready(&self) -> TaskResult {
        let port = self.port.to_string();
        for _ in 0..300 {
            let ready = self
                .command("pg_isready", &["-q", "-h", "127.0.0.1", "-p", &port])
                .status()
                .is_ok_and(|s| s.success());
            if ready {
                return Ok(());
            }
            std::thread::sleep(std::time::Duration::from_millis(100));
        }
        Err(format!(
            "PostgreSQL did not start; see {}",
            self.dir.join("log").display()
        ))
    }

    /// The server's URL without a database (`{url}/{database}` names one).
    pub fn url(&self) -> String {
        format!("postgres://{ROLE}@127.0.0.1:{}", self.port)
    }

    /// Makes a database and answers its URL.
    pub fn create_database(&self, name: &str) -> Result<String, String> {
        let port = self.port.to_string();
        self.run(
            "createdb",
            &["-h", "127.0.0.1", "-p", &port, "-U", ROLE, name],
        )?;
        Ok(format!("{}/{name}", self.url()))
    }

    /// One value that `sql` answers in `database` (psql, unaligned).
    pub fn scalar(&self, database: &str, sql: &str) -> Result<String, String> {
        let port = self.port.to_string();
        let out = self
            .command(
                "psql",
                &[
                    "-tA",
                    "-h",
                    "127.0.0.1",
                    "-p",
                    &port,
                    "-U",
                    ROLE,
                    "-d",
                    database,
                    "-c",
                    sql,
                ],
            )
            .output()
            .map_err(|e| format!("psql: {e}"))?;
        if !out.status.success() {
            return Err(format!("psql: {}", String::from_utf8_lossy(&out.stderr)));
        }
        Ok(String::from_utf8_lossy(&out.stdout).trim().to_owned())
    }

    fn data(&self) -> String {
        self.dir.join("data").display().to_string()
    }

    fn run(&self, tool: &str, args: &[&str]) -> TaskResult {
        check(self.command(tool, args))
    }

    /// One of PostgreSQL's programs, as the cluster's user, in its directory.
    fn command(&self, tool: &str, args: &[&str]) -> Command {
        let program = self.bin.join(tool).display().to_string();
        let mut command = match self.user {
            Some(user) => {
                let mut c = Command::new("runuser");
                c.args(["-u", user, "--", &program]);
                c
            }
            None => Command::new(&program),
        };
        command.args(args).current_dir(&self.dir);
        command
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let data = self.data();
        let _ = self.run("pg_ctl", &["-D", &data, "-m", "immediate", "-w", "stop"]);
        if let Some(mut server) = self.server.take() {
            let _ = server.wait();
        }
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// The newest installed PostgreSQL's `bin` directory, installing Debian's package first
/// when there is none.
fn binaries() -> Result<PathBuf, String> {
    if let Some(bin) = newest_installed() {
        return Ok(bin);
    }
    tools::install_debian_package("postgresql")?;
    newest_installed().ok_or("the postgresql package installed no initdb".into())
}

fn newest_installed() -> Option<PathBuf> {
    let base = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(base)
        .ok()?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    versions.sort();
    versions.pop().map(|(_, bin)| bin)
}
