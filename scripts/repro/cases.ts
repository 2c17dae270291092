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
import type { NotReproducedReason, RecordedCommand } from '../../src/lib/repro.ts';
import { freeRange, SYSTEM_PATH, type ReproUser, type Sandbox } from './host.ts';

/** One step's recorder: runs a command as a user or as root and keeps what it printed. */
export interface Steps {
	sb: Sandbox;
	as(user: ReproUser, command: string, options?: { env?: Record<string, string>; terminal?: boolean }): RecordedCommand;
	root(command: string, options?: { env?: Record<string, string>; terminal?: boolean }): RecordedCommand;
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

/**
 * A container image with nothing of its own but Nix's configuration, an
 * expression to build and an empty /nix: the host's /usr (Debian's nix-bin,
 * BusyBox, the libraries) is mounted read-only into it when it runs, and the
 * store it builds into lives in the container.
 */
function nixImageTar(sb: Sandbox, nixConf: string): string {
	const root = join(sb.dir, 'nix-image-rootfs');
	for (const d of ['etc/nix', 'root', 'tmp', 'nix', 'usr']) mkdirSync(join(root, d), { recursive: true });
	for (const [link, target] of [['bin', 'usr/bin'], ['sbin', 'usr/sbin'], ['lib', 'usr/lib'], ['lib64', 'usr/lib64']]) symlinkSync(target, join(root, link));
	sb.writeFile('nix-image-rootfs/etc/nix/nix.conf', nixConf);
	sb.writeFile('nix-image-rootfs/etc/passwd', 'root:x:0:0:root:/root:/bin/sh\n');
	sb.writeFile('nix-image-rootfs/etc/group', 'root:x:0:\n');
	// The smallest build: the container's /bin/sh writes the output (the sandbox never starts, and without it /bin/sh is there).
	sb.writeFile('nix-image-rootfs/repro.nix', 'derivation { name = "repro"; system = builtins.currentSystem; builder = "/bin/sh"; args = [ "-c" "echo built > $out" ]; }\n');
	const tar = join(sb.dir, 'nix-image.tar');
	const r = sb.runAsRoot(`tar -C '${root}' --numeric-owner --owner=0 --group=0 -cf '${tar}' .`);
	if (r.status !== 0) throw new Error(r.output);
	return tar;
}

/**
 * A seccomp profile (OCI form) that refuses clone() with EPERM when it asks
 * for any new namespace (CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER,
 * NEWPID, NEWNET: the mask 0x7E020000 of Docker's default profile, which
 * allows such a clone only with CAP_SYS_ADMIN), and clone3 with ENOSYS so
 * that the C library falls back to clone(); everything else is allowed.
 */
const SECCOMP_LIKE_DOCKER = {
	defaultAction: 'SCMP_ACT_ALLOW',
	syscalls: [
		...[0x00020000, 0x02000000, 0x04000000, 0x08000000, 0x10000000, 0x20000000, 0x40000000].map((flag) => ({
			names: ['clone'],
			action: 'SCMP_ACT_ERRNO',
			errnoRet: 1,
			args: [{ index: 0, value: flag, valueTwo: flag, op: 'SCMP_CMP_MASKED_EQ' }],
		})),
		{ names: ['clone3'], action: 'SCMP_ACT_ERRNO', errnoRet: 38 },
	],
};

/**
 * The shape of most Podman reproductions: `podman info` as the user fails, then the fix runs. `fix`
 * is called only after the failing command has run, so its commands run in the order they are listed.
 */
function podmanInfoCase(as: Steps['as'], user: ReproUser, applied: string, fix: () => RecordedCommand[]): ReproRun {
	const failing = as(user, 'podman info');
	return { failing, fix: { applied, commands: fix() } };
}

export const REPRODUCTIONS: Reproduction[] = [
	{
		article: 'podman-newuidmap-missing',
		tools: [PODMAN, UIDMAP],
		setup: 'a user with a /etc/subuid range runs rootless Podman with a PATH on which newuidmap and newgidmap are missing',
		run({ sb, as, root }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			user.path = sb.pathWithout(['newuidmap', 'newgidmap']);
			return podmanInfoCase(as, user, 'apt-get install uidmap as printed (root), then the same user with the PATH the package installs into', () => {
				user.path = SYSTEM_PATH;
				return [root('apt-get install -y uidmap'), as(user, 'command -v newuidmap'), as(user, 'command -v newgidmap'), twoLines(as(user, UID_MAP))];
			});
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
			const applied = "the package's mode given back to the copies found first (what apt-get install --reinstall uidmap does for /usr/bin/newuidmap); the reinstall itself cannot reach a copy";
			return podmanInfoCase(as, user, applied, () => [
				root(`chmod --reference=/usr/bin/newuidmap '${bin}/newuidmap' && chmod --reference=/usr/bin/newgidmap '${bin}/newgidmap'`),
				as(user, 'ls -l "$(command -v newuidmap)" "$(command -v newgidmap)"'),
				twoLines(as(user, UID_MAP)),
			]);
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
			const applied = 'usermod --del-subuids/--del-subgids and --add-subuids/--add-subgids with a range above the UID, as printed, then podman system migrate';
			return podmanInfoCase(as, user, applied, () => {
				const old = `${user.uid}-${user.uid + COUNT - 1}`;
				const start = freeRange(COUNT, 200_000);
				const next = `${start}-${start + COUNT - 1}`;
				return [
					root(`usermod --del-subuids ${old} --del-subgids ${old} ${user.name}`),
					root(`usermod --add-subuids ${next} --add-subgids ${next} ${user.name}`),
					as(user, 'podman system migrate'),
					twoLines(as(user, UID_MAP)),
				];
			});
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
			return podmanInfoCase(as, user, "the installed runc's path added to the runtime's list in containers.conf, as printed", () => [
				as(user, `sed -i 's|^runc = \\[|runc = ["/usr/sbin/runc", |' ${conf}`),
				as(user, "podman info --format '{{.Host.OCIRuntime.Name}} {{.Host.OCIRuntime.Path}}'"),
				as(user, `podman import '${tar}' localhost/repro-busybox && podman run --rm --network none localhost/repro-busybox true`),
			]);
		},
	},
	{
		article: 'podman-no-login-session',
		tools: [PODMAN],
		setup: "root, whose XDG_RUNTIME_DIR names its own runtime directory (a root-owned directory of the run stands in for /run/user/0, which this machine without systemd lacks), runs podman as another user through su, without a login session",
		run({ sb, root }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const rootRuntime = join(sb.dir, 'root-run');
			mkdirSync(rootRuntime, { mode: 0o700 });
			return {
				failing: root(`su ${user.name} -c 'podman info'`, { env: { XDG_RUNTIME_DIR: rootRuntime }, terminal: true }),
				fix: null,
				fixNotRun: 'this machine has no systemd (PID 1 is not systemd), which machinectl shell and systemd-run --machine need',
			};
		},
	},
	{
		article: 'nix-sandbox-cloning-builder',
		tools: [{ pkg: 'nix-bin', name: 'Nix' }, PODMAN, RUNC],
		setup: "Nix runs as root inside an unprivileged rootless Podman container whose seccomp profile refuses clone() with namespace flags, as Docker's default profile does without CAP_SYS_ADMIN, with sandbox = true and sandbox-fallback = false, and builds a derivation (Podman's own default profile lets that clone through, and Nix 2.8 then stops at \"cannot set host name: Operation not permitted\", a wording no article has yet)",
		run({ sb, as }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const tar = nixImageTar(sb, 'build-users-group =\nsubstituters =\nsandbox = true\nsandbox-fallback = false\n');
			const seccomp = sb.writeFile('seccomp-like-docker.json', JSON.stringify(SECCOMP_LIKE_DOCKER), user.uid);
			as(user, `podman import '${tar}' localhost/repro-nix`);
			const build = `podman run --rm --network none --security-opt seccomp=${seccomp} -v /usr:/usr:ro localhost/repro-nix nix-build /repro.nix --no-out-link`;
			return {
				failing: as(user, build),
				fix: { applied: 'the sandbox turned off for the build with --option sandbox false, one of the ways the fix prints', commands: [as(user, `${build} --option sandbox false`)] },
			};
		},
	},
];

/** A limit of this machine that keeps articles from being reproduced (their `notReproduced`), and the run that shows it still holds. */
export interface HostLimit {
	reason: NotReproducedReason;
	tools: { pkg: string; name: string }[];
	/** What the limit prints; the run fails when it is no longer printed (then the articles can be reproduced). */
	shows: RegExp;
	run(steps: Steps): RecordedCommand;
}

export const HOST_LIMITS: HostLimit[] = [
	{
		reason: 'crun-hybrid-cgroups',
		tools: [{ pkg: 'crun', name: 'crun' }, PODMAN],
		shows: /crun: cgroups in hybrid mode not supported/,
		run({ sb, as }) {
			const user = sb.addUser({ start: freeRange(COUNT), count: COUNT });
			const tar = busyboxTar(sb, 'busybox');
			return as(user, `podman import '${tar}' localhost/repro-busybox >/dev/null && podman run --rm --network none --runtime crun localhost/repro-busybox true`);
		},
	},
];
