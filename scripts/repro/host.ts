/**
 * The throwaway place a reproduction runs in (`npm run repro`): a temporary
 * directory, users created for the run, their rootless Podman set up inside
 * that directory, and a cleanup that removes every user, subordinate ID
 * range, process, mount and file the run made, even when a step fails.
 *
 * Runs as root on Debian (as CI does); `ensureHost` says how to run it
 * otherwise. Nothing here changes a system file's mode or removes a package:
 * a broken state is made with a PATH that hides or replaces a helper, a
 * user's own configuration, or the user's /etc/subuid lines (shadow's
 * `usermod`, removed again by `userdel`).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { aptInstall, canInstallWithApt } from '../debian-package.ts';
import { messageLine, reproMessages } from '../../src/lib/messages.ts';

/** Debian packages the reproductions run (Debian 12: podman 4.3, runc 1.1, crun 1.8, uidmap 4.13, busybox-static 1.35, nix-bin 2.8). */
export const PACKAGES = ['podman', 'runc', 'crun', 'uidmap', 'busybox-static', 'nix-bin'] as const;

/** The ordinary PATH of a login shell on Debian, which the reproductions start from. */
export const SYSTEM_PATH = '/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin';

/** Thrown when the machine cannot host the reproductions; the message says how to run them. */
export class HostUnfit extends Error {}

/** Whether a Debian package is installed (`dpkg-query`). */
function installed(pkg: string): boolean {
	const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.includes('install ok installed');
}

/**
 * Root and apt-get, then every package of PACKAGES, installing the missing
 * ones with apt-get. Returns the packages it installed. Throws HostUnfit
 * (reproMessages.notRoot / aptFailed) when it cannot.
 */
export function ensureHost(): string[] {
	if (!canInstallWithApt()) throw new HostUnfit(messageLine(reproMessages.notRoot()));
	const missing = PACKAGES.filter((p) => !installed(p));
	if (missing.length === 0) return [];
	try {
		aptInstall(missing);
	} catch {
		throw new HostUnfit(messageLine(reproMessages.aptFailed(missing)));
	}
	return missing;
}

/** A package's installed version without the Debian revision, e.g. `4.3.1` for podman `4.3.1+ds1-8+deb12u1`. */
export function packageVersion(pkg: string): string {
	const full = execFileSync('dpkg-query', ['-W', '-f=${Version}', pkg], { encoding: 'utf8' }).trim();
	return full.replace(/^\d+:/, '').replace(/[+~-].*$/, '');
}

/** The Debian release, e.g. `Debian 12`. */
export function platform(): string {
	const version = readFileSync('/etc/debian_version', 'utf8').trim().split('.')[0];
	return `Debian ${version}`;
}

/** A command's result: exit status and standard output and error as one text, in the order written. */
export interface RunResult {
	status: number;
	output: string;
}

/** A user created for the run. */
export interface ReproUser {
	name: string;
	uid: number;
	home: string;
	/** Its XDG_RUNTIME_DIR, a directory of the run (this machine has no systemd to make /run/user/UID). */
	runtimeDir: string;
	/** The PATH its commands get (SYSTEM_PATH unless a reproduction hides or replaces a helper). */
	path: string;
}

/** The user names a run creates: `faultline-repro`, the job's slot and a number (no one else uses the prefix). */
const USER_PREFIX = 'faultline-repro';

/**
 * The slot of the job this process runs (run.ts runs jobs side by side, one
 * process each): it keeps user names and subordinate ranges of jobs apart.
 */
let slot = 0;

/** Set this process's slot (see `slot`). */
export function setSlot(n: number): void {
	slot = n;
}

/**
 * A throwaway place: a temporary directory and the users made in it. Call
 * `cleanup()` in a `finally`; the run also calls it on SIGINT and SIGTERM.
 */
export class Sandbox {
	readonly dir: string;
	private readonly users: ReproUser[] = [];

	constructor() {
		this.dir = mkdtempSync(join(tmpdir(), 'faultline-repro-'));
		chmodSync(this.dir, 0o755); // the users created for the run reach their homes through it
	}

	/**
	 * Create a user with a home, a runtime directory and a rootless Podman
	 * set up for this machine (runc, the cgroupfs manager, the vfs driver:
	 * crun refuses the hybrid cgroup layout, and vfs needs no mount). With
	 * `subIds`, its /etc/subuid and /etc/subgid range; without, none (useradd's
	 * automatic range is switched off).
	 */
	addUser(subIds?: { start: number; count: number }): ReproUser {
		const name = `${USER_PREFIX}${slot}-${this.users.length + 1}`;
		removeLeftoverUser(name);
		const home = join(this.dir, name);
		shadow('useradd', ['-M', '-d', home, '-s', '/bin/sh', '-K', 'SUB_UID_COUNT=0', '-K', 'SUB_GID_COUNT=0', name]);
		const uid = Number(execFileSync('id', ['-u', name], { encoding: 'utf8' }).trim());
		const runtimeDir = join(this.dir, `${name}-run`);
		const user: ReproUser = { name, uid, home, runtimeDir, path: SYSTEM_PATH };
		this.users.push(user);
		mkdirSync(join(home, '.config', 'containers'), { recursive: true });
		mkdirSync(runtimeDir, { mode: 0o700 });
		writeFileSync(join(home, '.config', 'containers', 'containers.conf'), CONTAINERS_CONF);
		writeFileSync(join(home, '.config', 'containers', 'storage.conf'), '[storage]\ndriver = "vfs"\n');
		chownTree(home, uid);
		chownSync(runtimeDir, uid, uid);
		if (subIds) this.addSubIds(user, subIds.start, subIds.count);
		return user;
	}

	/** Add a subordinate UID and GID range to a user (`usermod --add-subuids --add-subgids`; first-last, inclusive). */
	addSubIds(user: ReproUser, start: number, count: number): void {
		const range = `${start}-${start + count - 1}`;
		shadow('usermod', ['--add-subuids', range, '--add-subgids', range, user.name]);
	}

	/**
	 * Run a shell command as the user, with a clean environment (HOME, USER,
	 * XDG_RUNTIME_DIR, PATH), in the user's home. With `terminal`, on a
	 * pseudo-terminal (`script`), as a reader at a terminal sees it: Podman's
	 * log lines then read `ERRO[0000] …` instead of `time=… level=error msg="…"`
	 * (colours and carriage returns are taken out of the output).
	 */
	runAs(user: ReproUser, command: string, { env = {}, terminal = false }: { env?: Record<string, string>; terminal?: boolean } = {}): RunResult {
		const vars = { HOME: user.home, USER: user.name, LOGNAME: user.name, XDG_RUNTIME_DIR: user.runtimeDir, PATH: user.path, TERM: 'xterm', ...env };
		const shell = terminal ? `script -qec ${shellQuote(command)} /dev/null` : command;
		const args = ['-u', user.name, '--', 'env', '-i', ...Object.entries(vars).map(([k, v]) => `${k}=${v}`), 'sh', '-c', `${shell} 2>&1`];
		const r = run('runuser', args, user.home);
		return terminal ? plain(r) : r;
	}

	/** Run a shell command as root (the run's own user) in the run's directory; `terminal` as for runAs. */
	runAsRoot(command: string, { env = {}, terminal = false }: { env?: Record<string, string>; terminal?: boolean } = {}): RunResult {
		const shell = terminal ? `script -qec ${shellQuote(command)} /dev/null` : command;
		let r = run('env', ['-i', `PATH=${SYSTEM_PATH}`, 'HOME=/root', 'TERM=xterm', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'sh', '-c', `${shell} 2>&1`], this.dir);
		// usermod in a fix: another job may hold the lock on /etc/subuid for a moment (see shadow()).
		for (let attempt = 0; attempt < 50 && r.status !== 0 && /cannot lock .*try again later/.test(r.output); attempt++) {
			spawnSync('sleep', ['0.2']);
			r = run('env', ['-i', `PATH=${SYSTEM_PATH}`, 'HOME=/root', 'TERM=xterm', ...Object.entries(env).map(([k, v]) => `${k}=${v}`), 'sh', '-c', `${shell} 2>&1`], this.dir);
		}
		return terminal ? plain(r) : r;
	}

	/**
	 * A directory of the run that stands in for the system's binary
	 * directories with the named helpers left out: a symlink to every other
	 * program of /usr/bin, /usr/sbin, /bin and /sbin. Put on PATH, it hides
	 * the helpers without touching the package.
	 */
	pathWithout(hidden: readonly string[]): string {
		const bin = join(this.dir, `bin-without-${hidden.join('-')}`);
		mkdirSync(bin, { mode: 0o755 });
		for (const dir of ['/usr/sbin', '/usr/bin', '/sbin', '/bin']) {
			for (const name of readdirSync(dir)) {
				if (hidden.includes(name) || existsSync(join(bin, name))) continue;
				symlinkSync(join(dir, name), join(bin, name));
			}
		}
		return bin;
	}

	/** Write a file of the run (mode 0644 unless given), owned by `uid` when given. */
	writeFile(relativePath: string, text: string, uid?: number): string {
		const file = join(this.dir, relativePath);
		writeFileSync(file, text);
		if (uid !== undefined) chownSync(file, uid, uid);
		return file;
	}

	/**
	 * Remove everything the run made: every process of each user (by PID,
	 * SIGKILL: Podman's pause process ignores SIGTERM), the user with its
	 * subordinate ranges (`userdel` removes them; checked), then the
	 * directory. Returns what could not be removed, empty when all went.
	 */
	cleanup(): string[] {
		const left: string[] = [];
		for (const user of this.users.splice(0)) left.push(...removeUser(user.name, user.uid));
		const mounts = spawnSync('findmnt', ['-rno', 'TARGET'], { encoding: 'utf8' }).stdout.split('\n').filter((m) => m.startsWith(this.dir));
		for (const m of mounts.reverse()) spawnSync('umount', ['-l', m]);
		rmSync(this.dir, { recursive: true, force: true });
		if (existsSync(this.dir)) left.push(this.dir);
		return left;
	}
}

/** What every user's Podman runs with on this machine (see Sandbox.addUser). */
const CONTAINERS_CONF = `[engine]
cgroup_manager = "cgroupfs"
events_logger = "file"
runtime = "runc"
`;

/**
 * Run one of shadow's tools (useradd, usermod, userdel), again while another
 * holds its lock on /etc/passwd or /etc/subuid (jobs run side by side; the
 * tools exit at once with "cannot lock … try again later").
 */
function shadow(tool: string, args: string[]): void {
	for (let attempt = 0; ; attempt++) {
		const r = spawnSync(tool, args, { encoding: 'utf8' });
		if (r.status === 0) return;
		if (attempt >= 50 || !/lock/i.test(r.stderr)) throw new Error(messageLine(reproMessages.shadowFailed(tool, args, r.stderr.trim())));
		spawnSync('sleep', ['0.2']);
	}
}

/** Terminal colour codes. */
const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** A terminal's output as text: no carriage returns, no colours. */
function plain(r: RunResult): RunResult {
	return { status: r.status, output: r.output.replace(/\r/g, '').replace(ANSI, '') };
}

/** A word for `sh -c`, in single quotes. */
function shellQuote(text: string): string {
	return `'${text.replace(/'/g, `'\\''`)}'`;
}

function run(command: string, args: string[], cwd: string): RunResult {
	const r = spawnSync(command, args, { cwd, encoding: 'utf8', timeout: 120_000 });
	return { status: r.status ?? 128, output: `${r.stdout ?? ''}${r.stderr ?? ''}` };
}

function chownTree(dir: string, uid: number): void {
	chownSync(dir, uid, uid);
	for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) chownSync(join(entry.parentPath, entry.name), uid, uid);
}

/** How long a run user's processes may take to go after SIGKILL before they are reported as left behind: a deadline, not a wait. */
const KILL_DEADLINE_MS = 60_000;

/** The PIDs of a user's processes. */
function pidsOf(uid: number): number[] {
	const r = spawnSync('ps', ['-U', String(uid), '-o', 'pid='], { encoding: 'utf8' });
	return r.stdout.split('\n').map((s) => Number(s.trim())).filter((n) => n > 0);
}

/** Kill a run user's processes by PID, delete the user and its ranges; returns what is left. */
function removeUser(name: string, uid: number): string[] {
	// Until none is left, not for a fixed time: a killed process is gone only when its parent (or init) has
	// reaped it, which on a loaded machine took more than the second this once waited.
	const deadline = Date.now() + KILL_DEADLINE_MS;
	for (let pids = pidsOf(uid); pids.length > 0 && Date.now() < deadline; pids = pidsOf(uid)) {
		for (const pid of pids) spawnSync('kill', ['-KILL', String(pid)]);
		spawnSync('sleep', ['0.1']);
	}
	const left: string[] = [];
	if (pidsOf(uid).length > 0) left.push(`processes of ${name}: ${pidsOf(uid).join(', ')}`);
	try {
		shadow('userdel', [name]);
	} catch {
		// reported below, as a user left behind
	}
	if (spawnSync('id', [name]).status === 0) left.push(`user ${name}`);
	for (const file of ['/etc/subuid', '/etc/subgid']) {
		if (readFileSync(file, 'utf8').split('\n').some((l) => l.startsWith(`${name}:`))) left.push(`${name}'s line in ${file}`);
	}
	return left;
}

/** A user of a run that was killed before its cleanup: remove it before making it again. */
function removeLeftoverUser(name: string): void {
	const r = spawnSync('id', ['-u', name], { encoding: 'utf8' });
	if (r.status === 0) removeUser(name, Number(r.stdout.trim()));
}

/**
 * The start of a subordinate range of `count` IDs that no line of
 * /etc/subuid or /etc/subgid covers, at or above `from` (Debian's useradd
 * starts at 100000; by default a block of 500,000 IDs per job slot, so jobs
 * running side by side do not pick the same range): the run never shares
 * IDs with a real user's range.
 */
export function freeRange(count: number, from = 1_000_000 + slot * 500_000): number {
	const taken = ['/etc/subuid', '/etc/subgid'].flatMap((file) =>
		readFileSync(file, 'utf8')
			.split('\n')
			.map((line) => line.split(':').map(Number))
			.filter(([, first, n]) => Number.isFinite(first) && Number.isFinite(n)),
	);
	let start = from;
	for (let moved = true; moved; ) {
		moved = false;
		for (const [, first, n] of taken) {
			if (first + n > start && first < start + count) {
				start = first + n;
				moved = true;
			}
		}
	}
	return start;
}
