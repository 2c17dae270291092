/**
 * The reproductions: for each article this machine can host, the broken
 * state, the failing command, and the article's recommended (first) fix done
 * as printed where the machine allows. Each runs in its own Sandbox
 * (host.ts), as a user created for it.
 *
 * Not reproduced here: crun-only failures (crun 1.8 refuses this machine's
 * hybrid cgroup layout, "cgroups in hybrid mode not supported"), and
 * anything needing systemd as PID 1, another kernel, macOS, WSL or a VM.
 */
import { chmodSync, copyFileSync, mkdirSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { RecordedCommand } from '../../src/lib/repro.ts';
import { freeRange, SYSTEM_PATH, type ReproUser, type Sandbox } from './host.ts';

/** One step's recorder: runs a command as a user or as root and keeps what it printed. */
export interface Steps {
	sb: Sandbox;
	as(user: ReproUser, command: string, options?: { env?: Record<string, string>; terminal?: boolean }): RecordedCommand;
	root(command: string): RecordedCommand;
}

/** What a reproduction ran. */
export interface ReproRun {
	failing: RecordedCommand;
	/** The fix's commands in order (the last one is the check that the failure is gone), or null when it cannot run here. */
	fix: { applied: string; commands: RecordedCommand[] } | null;
	fixNotRun?: string;
}

export interface Reproduction {
	/** The article's slug. */
	article: string;
	/** The Debian packages whose versions the record names, with the name shown. */
	tools: { pkg: string; name: string }[];
	/** The broken state, in one sentence. */
	setup: string;
	run(steps: Steps): ReproRun;
}

/** Subordinate IDs per user, as Debian's useradd gives. */
const COUNT = 65536;

const PODMAN = { pkg: 'podman', name: 'Podman' };
const RUNC = { pkg: 'runc', name: 'runc' };
const UIDMAP = { pkg: 'uidmap', name: 'uidmap' };

/** The check every user-namespace fix ends with: the namespace maps the subordinate range (two lines). */
const UID_MAP = 'podman unshare cat /proc/self/uid_map';

/** Fails the step unless the uid_map printed has a second line (the subordinate range). */
function twoLines(c: RecordedCommand): RecordedCommand {
	const lines = c.output.split('\n').filter((l) => /^\s*\d+\s+\d+\s+\d+\s*$/.test(l));
	return lines.length >= 2 || c.status !== 0 ? c : { ...c, status: 1, output: `${c.output}\n(one mapping only: the subordinate range is not mapped)` };
}

/**
 * A BusyBox root file system as a tar archive in the run's directory, every
 * file owned by 0:0 except `extra` (path -> "uid:gid"); `podman import`
 * makes an image of it (no registry is reachable from CI).
 */
function busyboxTar(sb: Sandbox, name: string, extra: Record<string, string> = {}): string {
	const root = join(sb.dir, `${name}-rootfs`);
	for (const d of ['bin', 'etc', 'tmp']) mkdirSync(join(root, d), { recursive: true });
	copyFileSync('/bin/busybox', join(root, 'bin', 'busybox'));
	for (const applet of ['sh', 'true', 'cat', 'ls', 'id']) symlinkSync('busybox', join(root, 'bin', applet));
	const tar = join(sb.dir, `${name}.tar`);
	const owned = Object.entries(extra);
	for (const [path] of owned) sb.writeFile(join(`${name}-rootfs`, path), 'x\n');
	const plain = ['bin', 'tmp', ...['etc'].filter(() => owned.length === 0)];
	const appends = owned.map(([path, ids]) => {
		const [uid, gid] = ids.split(':');
		return `tar -C '${root}' --numeric-owner --owner=${uid} --group=${gid} -rf '${tar}' '${path}'`;
	});
	const cmd = [`tar -C '${root}' --numeric-owner --owner=0 --group=0 -cf '${tar}' ${plain.join(' ')}`, ...appends].join(' && ');
	const r = sb.runAsRoot(cmd);
	if (r.status !== 0) throw new Error(r.output);
	return tar;
}

export const REPRODUCTIONS: Reproduction[] = [
	{
		article: 'podman-newuidmap-missing',
		tools: [PODMAN, UIDMAP],
		setup: 'a user with a /etc/subuid range runs rootless Podman with a PATH on which newuidmap and newgidmap are missing',
		run({ sb, as, root }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			user.path = sb.pathWithout(['newuidmap', 'newgidmap']);
			const failing = as(user, 'podman info');
			user.path = SYSTEM_PATH;
			return {
				failing,
				fix: {
					applied: 'apt-get install uidmap as printed (root), then the same user with the PATH the package installs into',
					commands: [root('apt-get install -y uidmap'), as(user, 'command -v newuidmap newgidmap'), twoLines(as(user, UID_MAP))],
				},
			};
		},
	},
	{
		article: 'podman-newuidmap-not-setuid',
		tools: [PODMAN, UIDMAP],
		setup: 'copies of newuidmap and newgidmap without the setuid bit come first on the PATH of a user with a /etc/subuid range',
		run({ sb, as, root }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const bin = join(sb.dir, 'helpers-without-setuid');
			mkdirSync(bin, { mode: 0o755 });
			for (const helper of ['newuidmap', 'newgidmap']) {
				copyFileSync(`/usr/bin/${helper}`, join(bin, helper));
				chmodSync(join(bin, helper), 0o755); // a copy made by root keeps the setuid bit unless told
			}
			user.path = `${bin}:${SYSTEM_PATH}`;
			const failing = as(user, 'podman info');
			return {
				failing,
				fix: {
					applied: "the package's mode given back to the copies found first (what apt-get install --reinstall uidmap does for /usr/bin/newuidmap); the reinstall itself cannot reach a copy",
					commands: [
						root(`chmod --reference=/usr/bin/newuidmap '${bin}/newuidmap' && chmod --reference=/usr/bin/newgidmap '${bin}/newgidmap'`),
						as(user, 'ls -l "$(command -v newuidmap)" "$(command -v newgidmap)"'),
						twoLines(as(user, UID_MAP)),
					],
				},
			};
		},
	},
	{
		article: 'podman-subuid-not-picked-up',
		tools: [PODMAN, UIDMAP],
		setup: "a user without subordinate IDs starts Podman's pause process; its /etc/subuid and /etc/subgid range is added while that process runs",
		run({ sb, as }) {
			const user = sb.addUser();
			const tar = busyboxTar(sb, 'shadow-image', { 'etc/shadow': '0:42' });
			as(user, 'podman unshare true'); // starts the pause process with the single mapping
			sb.addSubIds(user, freeRange(COUNT), COUNT);
			const failing = as(user, `podman import '${tar}' localhost/repro-shadow`);
			return {
				failing,
				fix: { applied: 'podman system migrate, as printed', commands: [as(user, 'podman system migrate'), twoLines(as(user, UID_MAP)), as(user, `podman import '${tar}' localhost/repro-shadow`)] },
			};
		},
	},
	{
		article: 'podman-subuid-range-includes-own-uid',
		tools: [PODMAN, UIDMAP],
		setup: "a user's /etc/subuid and /etc/subgid range starts at its own UID",
		run({ sb, as, root }) {
			const user = sb.addUser();
			sb.addSubIds(user, user.uid, COUNT);
			const failing = as(user, 'podman info');
			const old = `${user.uid}-${user.uid + COUNT - 1}`;
			const start = freeRange(COUNT, 200_000);
			const next = `${start}-${start + COUNT - 1}`;
			return {
				failing,
				fix: {
					applied: 'usermod --del-subuids/--del-subgids and --add-subuids/--add-subgids with a range above the UID, as printed, then podman system migrate',
					commands: [
						root(`usermod --del-subuids ${old} --del-subgids ${old} ${user.name}`),
						root(`usermod --add-subuids ${next} --add-subgids ${next} ${user.name}`),
						as(user, 'podman system migrate'),
						twoLines(as(user, UID_MAP)),
					],
				},
			};
		},
	},
	{
		article: 'podman-containers-conf-invalid-value',
		tools: [PODMAN],
		setup: 'the user\'s containers.conf sets static_dir = "test/libpod", a relative path',
		run({ sb, as }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const conf = '~/.config/containers/containers.conf';
			as(user, `printf 'static_dir = "test/libpod"\\n' >> ${conf}`);
			const failing = as(user, 'podman info', { terminal: true }); // as at a terminal: see runAs
			return {
				failing,
				fix: { applied: 'the refused line deleted, as printed', commands: [as(user, `sed -i '/^static_dir = /d' ${conf}`), as(user, 'podman info')] },
			};
		},
	},
	{
		article: 'runtime-binary-not-found',
		tools: [PODMAN, RUNC],
		setup: "the user's containers.conf names runc as the runtime and lists for it only a path where no runc is installed, and runc is not on the user's PATH",
		run({ sb, as }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const tar = busyboxTar(sb, 'busybox');
			const conf = '~/.config/containers/containers.conf';
			const missing = join(user.home, '.nix-profile', 'bin', 'runc');
			user.path = sb.pathWithout(['runc']); // Podman also looks the runtime up on PATH
			as(user, `printf '\\n[engine.runtimes]\\nrunc = ["${missing}"]\\n' >> ${conf}`);
			const failing = as(user, 'podman info');
			return {
				failing,
				fix: {
					applied: "the installed runc's path added to the runtime's list in containers.conf, as printed",
					commands: [
						as(user, `sed -i 's|^runc = \\[|runc = ["/usr/sbin/runc", |' ${conf}`),
						as(user, "podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Path}}'"),
						as(user, `podman import '${tar}' localhost/repro-busybox && podman run --rm localhost/repro-busybox true`),
					],
				},
			};
		},
	},
];
