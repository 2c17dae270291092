/**
 * The wizard's commands, run: every step command this machine can run is run
 * (bash, in a scratch directory, never with sudo) and its output must have
 * the shape the step's `lookFor` and answers describe. Every other command is
 * named below with the reason it cannot run here, so a new command is either
 * run or explained (issue 18).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadArticles } from '../../src/lib/content.ts';
import { checkTreeFile } from '../../src/wizard/load.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
const tree = checkTreeFile(root, loadArticles(root)).tree!;
const commands = new Map(tree.nodes.flatMap((n) => ((n.kind === 'question' || n.kind === 'error-check') && n.command ? [[n.id, n.command] as const] : [])));
const scratch = mkdtempSync(join(tmpdir(), 'faultline-wizard-commands-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const has = (bin: string) => spawnSync('bash', ['-c', `command -v ${bin}`]).status === 0;
const run = (command: string, env: NodeJS.ProcessEnv = {}) =>
	spawnSync('bash', ['-c', command], { cwd: scratch, encoding: 'utf8', timeout: 20_000, env: { ...process.env, LC_ALL: 'C', ...env } }).stdout.split('\n').filter((l) => l !== '');

/** A step's command, the programs it needs, any set-up, and the shape its output must have. */
interface Runnable {
	needs: string[];
	setUp?: () => NodeJS.ProcessEnv;
	shape: (lines: string[]) => void;
}

/** The user-namespace questions' command: NoNewPrivs, then each sysctl as `key = value`, or the "cannot stat" (or busybox's "unknown key") the help allows for. */
const userns: Runnable = {
	needs: ['grep', 'sysctl'],
	shape: ([nnp, ...sysctls]) => {
		expect(nnp).toMatch(/^NoNewPrivs:\s+[01]$/);
		expect(sysctls.length).toBeLessThanOrEqual(3);
		for (const l of sysctls) expect(l).toMatch(/^user\.max_user_namespaces = \d+$|^kernel\.(unprivileged_userns_clone|apparmor_restrict_unprivileged_userns) = [01]$/);
	},
};

/** The cgroup file system's type (cgroup2fs on a v2 host, tmpfs on v1 or hybrid), the runtime directory, the user's UID. */
const limitsWhere: Runnable = {
	needs: ['stat', 'id'],
	shape: (lines) => {
		expect(lines).toHaveLength(3);
		expect(lines[0]).toMatch(/^(cgroup2fs|tmpfs)$/);
		expect(lines[1]).toMatch(/^XDG_RUNTIME_DIR=(unset|\/\S+)$/);
		expect(lines[2]).toMatch(/^\d+$/);
	},
};

const RUN_HERE: Record<string, Runnable> = {
	'podman-memcg-where': {
		needs: ['cat', 'grep'],
		// The kernel command line; then, on cgroup v2, the root's controllers (on v1 cat prints its error to stderr);
		// then the memory line of /proc/cgroups (name, hierarchy, cgroups, enabled), when the kernel lists one.
		shape: (lines) => {
			expect(lines.length).toBeGreaterThanOrEqual(1);
			expect(lines.length).toBeLessThanOrEqual(3);
			expect(lines[0]).not.toBe('');
			for (const l of lines.slice(1)) expect(l).toMatch(/^memory\s+\d+\s+\d+\s+[01]$|^[a-z_]+( [a-z_]+)*$/);
		},
	},
	'nix-userns-release': {
		needs: ['grep'],
		// NAME and VERSION from /etc/os-release (a rolling release has no VERSION).
		shape: (lines) => {
			expect(lines.length).toBeGreaterThanOrEqual(1);
			for (const l of lines) expect(l).toMatch(/^(NAME|VERSION)=/);
		},
	},
	'microvm-boot-module-grep': {
		needs: ['grep'],
		setUp: () => {
			writeFileSync(join(scratch, 'flake.nix'), '{ outputs = { microvm, ... }: { host = [ microvm.nixosModules.host ]; guest = [ microvm.nixosModules.microvm ];\n  extra = [ microvm.nixosModules.microvm-extra ]; }; }\n');
			return {};
		},
		// file:line:text for each import of either module, and nothing for another name (nixosModules.microvm-extra).
		shape: (lines) => {
			expect(lines).toHaveLength(1);
			expect(lines[0]).toMatch(/^\.\/flake\.nix:1:.*nixosModules\.host.*nixosModules\.microvm/);
		},
	},
	'podman-limits-version': {
		needs: ['stat'],
		// The cgroup file system's type, one word.
		shape: (lines) => expect(lines).toEqual([expect.stringMatching(/^(cgroup2fs|tmpfs)$/)]),
	},
	'podman-limits-session': {
		needs: ['id', 'pgrep'],
		// The user's name, then the PID of their systemd instance or none.
		shape: ([name, ...rest]) => {
			expect(name).toMatch(/^\S+$/);
			expect(rest.length).toBeGreaterThanOrEqual(1);
			for (const l of rest) expect(l).toMatch(/^(\d+|none)$/);
		},
	},
	'podman-ids-helpers': {
		needs: [],
		// Each helper's absolute path, or nothing for a helper not installed.
		shape: (lines) => {
			expect(lines.length).toBeLessThanOrEqual(2);
			for (const l of lines) expect(l).toMatch(/^\/\S+\/new[ug]idmap$/);
		},
	},
	'podman-single-mapping-helpers': {
		needs: [],
		// Each helper's absolute path, or nothing for a helper not installed.
		shape: (lines) => {
			expect(lines.length).toBeLessThanOrEqual(2);
			for (const l of lines) expect(l).toMatch(/^\/\S+\/new[ug]idmap$/);
		},
	},
	'nix-setup': {
		needs: ['uname', 'find'],
		// The kernel's name and release, the macOS version on a Mac only, then any backup an earlier install left.
		shape: ([kernel, ...rest]) => {
			expect(kernel).toMatch(/^(Linux|Darwin) \S+$/);
			for (const l of rest) expect(l).toMatch(/^\d+(\.\d+)*$|^\/etc\/\S+\.backup-before-nix$/);
		},
	},
	'nix-where': {
		needs: ['uname', 'ls'],
		// The architecture, then the binfmt_misc entries (qemu-<arch>, rosetta, register, status), one word each.
		shape: ([arch, ...handlers]) => {
			expect(arch).toMatch(/^(x86_64|aarch64|arm64|riscv64|ppc64le|s390x|armv7l|i686)$/);
			for (const h of handlers) expect(h).toMatch(/^[\w.+-]+$/);
		},
	},
	'nix-build-process-where': {
		needs: ['uname', 'sysctl'],
		// A kernel release (WSL 1's ends in -Microsoft), then the sysctl the answer reads.
		shape: ([release, sysctl]) => {
			expect(release).toMatch(/^\d+\.\d+\S*$/);
			expect(sysctl).toMatch(/^user\.max_user_namespaces = \d+$/);
		},
	},
	'nix-daemon-os': { needs: ['uname'], shape: (lines) => expect(lines).toEqual([expect.stringMatching(/^(Linux|Darwin)$/)]) },
	'snap-nfs-where': {
		needs: ['findmnt'],
		// The columns the answers read: where the mount is (TARGET) and its FSTYPE.
		shape: ([head, row, ...rest]) => {
			expect(head.split(/\s+/)).toEqual(['TARGET', 'SOURCE', 'FSTYPE']);
			expect(row.split(/\s+/)).toHaveLength(3);
			expect(scratch.startsWith(row.split(/\s+/)[0])).toBe(true);
			expect(rest).toEqual([]);
		},
	},
	'multipass-storage': {
		needs: ['findmnt', 'grep', 'cut'],
		// A stand-in systemctl prints an override as systemd does; the command must look up that directory, not the default.
		setUp: () => {
			const bin = join(scratch, 'bin');
			spawnSync('mkdir', ['-p', bin, join(scratch, 'storage')]);
			writeFileSync(join(bin, 'systemctl'), `#!/bin/sh\necho 'Environment=MULTIPASS_STORAGE=${join(scratch, 'storage')} LANG=C.UTF-8'\n`);
			chmodSync(join(bin, 'systemctl'), 0o755);
			return { PATH: `${bin}:${process.env.PATH}` };
		},
		shape: ([head, row, ...rest]) => {
			expect(head.split(/\s+/)).toEqual(['TARGET', 'SOURCE', 'FSTYPE', 'OPTIONS']);
			expect(join(scratch, 'storage').startsWith(row.split(/\s+/)[0])).toBe(true);
			expect(row.split(/\s+/)[3]).toMatch(/^r[wo]\b/);
			expect(rest).toEqual([]);
		},
	},
	'multipass-timeout-linux-dnsmasq': {
		needs: ['pgrep'],
		// This machine runs no Multipass dnsmasq: no line, or only processes whose command line names both words.
		shape: (lines) => {
			for (const l of lines) expect(l).toMatch(/^\d+ .*dnsmasq.*mpqemubr0/);
		},
	},
	'podman-userns': userns,
	'podman-userns-more': userns,
	'engine-userns': userns,
	'buildah-userns': userns,
	'engine-limits-where': limitsWhere,
	'buildah-limits-where': limitsWhere,
	'nix-userns-where': {
		needs: ['sysctl'],
		// One line per sysctl this kernel has (a missing one goes to stderr as "cannot stat").
		shape: (sysctls) => {
			expect(sysctls.length).toBeGreaterThan(0);
			expect(sysctls.length).toBeLessThanOrEqual(2);
			for (const l of sysctls) expect(l).toMatch(/^user\.max_user_namespaces = \d+$|^kernel\.unprivileged_userns_clone = [01]$/);
		},
	},
	'podman-hang': {
		needs: ['grep', 'id'],
		// A path for each helper command -v finds, then the reader's ranges as grep prints them from two files.
		shape: (lines) => {
			for (const l of lines) expect(l).toMatch(/^\/\S*\/new[ug]idmap$|^\/etc\/sub[ug]id:[^:]+:\d+:\d+$/);
		},
	},
	'podman-single-mapping-which': {
		needs: ['grep', 'id', 'ls'],
		// A path per helper command -v finds, an ls -l line per helper (mode first), getcap's capabilities if any,
		// the UID and the GID, then the reader's ranges as grep prints them from two files.
		shape: (lines) => {
			expect(lines.filter((l) => /^\d+$/.test(l))).toHaveLength(2);
			for (const l of lines) expect(l).toMatch(/^\/\S*\/new[ug]idmap$|^[-l][-rwxsStT]{9}[.+]?\s.*\/new[ug]idmap$|^\/\S*\/new[ug]idmap\s.*cap_set[ug]id|^\d+$|^\/etc\/sub[ug]id:[^:]+:\d+:\d+$/);
		},
	},
	'crun-direct-lines': {
		needs: ['crun'],
		// crun --version names the version (and, from 1.7, the rundir); crun list prints its header.
		shape: (lines) => {
			expect(lines[0]).toMatch(/^crun version \d+\.\d+/);
			expect(lines.some((l) => /^rundir: \//.test(l)) || !/^crun version 1\.([7-9]|1\d|2[0-2])\b/.test(lines[0])).toBe(true);
			expect(lines.find((l) => l.startsWith('NAME'))?.split(/\s+/).slice(0, 3)).toEqual(['NAME', 'PID', 'STATUS']);
		},
	},
	'nix-dir-unusable-check': {
		needs: ['findmnt'],
		// Nothing when /nix is no mount point, or one source such as /dev/nvme0n1p8[/.steamos/offload/nix].
		shape: (lines) => {
			expect(lines.length).toBeLessThanOrEqual(1);
			for (const l of lines) expect(l).toMatch(/^\S+$/);
		},
	},
	'nix-no-daemon-check': {
		needs: ['ls'],
		// ls's "No such file or directory" goes to stderr (no Nix here); with a daemon, the socket's line (mode
		// starting with s). Then NIX_REMOTE, unset here.
		shape: (lines) => {
			expect(lines.length).toBeGreaterThanOrEqual(1);
			expect(lines.length).toBeLessThanOrEqual(2);
			if (lines.length === 2) expect(lines[0]).toMatch(/^s\S+ .* \/nix\/var\/nix\/daemon-socket\/socket$/);
			expect(lines.at(-1)).toMatch(/^NIX_REMOTE=(unset|\S+)$/);
		},
	},
	'nix-daemon-access-check': {
		needs: ['ls', 'id'],
		// ls's "No such file or directory" goes to stderr (no Nix here); with Nix, the socket directory's line
		// (a directory: mode starting with d). Then the user's groups, one line of names.
		shape: (lines) => {
			expect(lines.length).toBeGreaterThanOrEqual(1);
			expect(lines.length).toBeLessThanOrEqual(2);
			if (lines.length === 2) expect(lines[0]).toMatch(/^d\S+ .* \/nix\/var\/nix\/daemon-socket$/);
			expect(lines.at(-1)).toMatch(/^\S+( \S+)*$/);
		},
	},
	'nix-script-nixos-check': {
		needs: ['grep'],
		// The os-release ID line: ID=debian here, ID=nixos on NixOS.
		shape: (lines) => expect(lines).toEqual([expect.stringMatching(/^ID=\S+$/)]),
	},
	'nix-filter-syscalls': {
		needs: ['grep'],
		// The installer's own log line (DeterminateSystems/nix-installer-action#33), saved as the step says.
		setUp: () => {
			writeFileSync(join(scratch, 'install.log'), 'info: downloading installer (https://install.determinate.systems/nix/tag/v0.10.0/nix-installer-x86_64-linux)\n');
			return {};
		},
		shape: (lines) => expect(lines).toEqual(['tag/v0.10.0']),
	},
	'podman-overlay-rootless-which': {
		needs: ['uname', 'grep'],
		// The kernel release, then the path of fuse-overlayfs if installed, then the storage.conf lines that name a driver or mount_program.
		shape: (lines) => {
			expect(lines[0]).toMatch(/^\d+\.\d+\S*$/);
			for (const l of lines.slice(1)) expect(l).toMatch(/^\/\S*\/fuse-overlayfs$|storage\.conf:.*(driver|mount_program)/);
		},
	},
	'podman-keep-id': {
		needs: ['grep'],
		// Nothing, or the containers.conf lines that set userns.
		shape: (lines) => {
			for (const l of lines) expect(l).toMatch(/containers\.conf:.*userns/);
		},
	},
};

/** Commands this machine cannot run, and why. */
const NOT_HERE: Record<string, string> = {
	'nix-selinux-check': 'needs getenforce, from the SELinux tools, which this Debian machine does not have',
	'buildah-lines': 'needs buildah, which this machine does not have',
	'buildah-before-rootless-version': 'needs buildah, which this machine does not have',
	'podman-540-build-which': 'needs podman, which this machine does not have',
	'nix-launchctl-loaded-check': 'runs on macOS',
	'podman-conmon-version': "runs podman info, which sets up the user's Podman storage",
	'nix-clone3-check': 'needs a Nix store and strace inside the failing container',
	'snap-nfs-lines': 'needs sudo and a kernel log',
	'microvm-boot-lines': 'runs in a microvm.nix guest',
	'microvm-root-volume': "reads a microvm.nix guest's root volume image, on a host this machine is not",
	'microvm-overlay-order': 'runs in a microvm.nix guest with systemd',
	'microvm-shutdown-lines': 'needs a microvm.nix host with systemd',
	'microvm-host-start-lines': 'needs a microvm.nix host with systemd and its journal',
	'microvm-host-start-how': 'needs a microvm.nix host with systemd',
	'microvm-eval-lines': 'needs a NixOS configuration with microvm.nix',
	'microvm-store-owner': "reads a microvm.nix guest's /nix/store, which this machine does not have",
	'microvm-service-line': 'runs in a guest with Postfix',
	'microvm-any-line': 'runs in a microvm.nix guest',
	'microvm-shutdown-hangs': 'needs a microvm.nix host with systemd',
	'microvm-update-lines': 'needs a microvm.nix host with the microvm command and a guest in /var/lib/microvms',
	'microvm-update-flake': "reads a guest's state directory under /var/lib/microvms on a microvm.nix host",
	'multipass-denials': 'needs sudo and a kernel log',
	'multipass-local': 'needs sudo and a Multipass host',
	'multipass-launch-lines': 'needs Multipass and sudo',
	'multipass-dnsmasq-why': "reads the Multipass snap daemon's journal, which this machine does not have",
	'multipass-windows-cert-missing': 'runs on Windows',
	'multipass-socket-windows': 'runs in PowerShell on Windows',
	'multipass-socket-daemon': 'needs snapd and the Multipass snap, which this machine does not have',
	'multipass-chown-windows': 'runs in PowerShell on Windows',
	'multipass-timeout-where': 'needs sudo and macOS bridge100',
	'multipass-timeout-host': 'needs Multipass',
	'multipass-timeout-linux': 'needs sudo and firewalld, which this machine does not have',
	'multipass-timeout-windows': 'runs in PowerShell on Windows',
	'podman-applylayer': "runs podman info and podman unshare, which set up the user's Podman storage",
	'podman-pids-controller-where': "runs podman info, which sets up the user's Podman storage",
	'podman-supplementary': "runs podman info, which sets up the user's Podman storage",
	'podman-group-test': 'pulls and runs a container',
	'podman-group-test-2': 'pulls and runs a container',
	'podman-crun-version': "runs podman info, which sets up the user's Podman storage",
	'podman-ids-which': "runs podman unshare, which sets up the user's Podman storage",
	'podman-limits-where': "runs podman info, which sets up the user's Podman storage",
	'podman-reboot-tmpdir-where': "runs podman info, which sets up the user's Podman storage",
	'podman-no-line-session': "runs podman info (not on this machine), which sets up the user's Podman storage",
	'multipass-setup': 'runs in PowerShell on Windows',
	'multipass-no-instances': 'runs in PowerShell on Windows with Hyper-V',
	'multipass-windows-edition': 'runs in PowerShell on Windows',
	'podman-ids-caps': 'needs newuidmap and newgidmap, which this machine does not have',
	'podman-single-mapping-caps': 'needs newuidmap and newgidmap, which this machine does not have',
	'podman-setup': "runs podman info (not on this machine), which sets up the user's Podman storage",
	'engine-lines': 'reads the journal of a host that runs Docker, containerd or CRI-O',
	'nix-launchd-disabled-check': 'runs on macOS with sudo',
	'nix-shell-hook-check': 'reads the macOS system files /etc/zshrc and /etc/bashrc',
	'nix-profile-backup-volume-check': "reads a Mac's /etc/synthetic.conf and the LaunchDaemon that mounts its Nix volume",
	'nix-build-uid-check': 'runs dscl on macOS',
	'microvm-boot-guest-module': "evaluates a NixOS host's flake that uses microvm.nix",
	'nix-socket-launchd-check': 'runs on macOS with sudo',
	'nix-daemon-running-check': 'asks systemd (systemctl is-active), which is not the init system of this machine',
	'podman-wsl-which': 'runs podman machine and wsl.exe on Windows',
	'podman-volume-denied': 'needs sudo and ausearch, from the audit tools, which this machine does not have',
	'podman-volume-enforcing': 'needs getenforce, from the SELinux tools, which this Debian machine does not have',
	'nix-tls-issuer-check': 'connects to cache.nixos.org, and this machine reaches only npm and Debian',
	'nix-tls-installer-issuer-check': 'connects to cache.nixos.org, and this machine reaches only npm and Debian',
	'podman-apparmor-lsm-which': 'reads /sys/kernel/security/lsm, from securityfs, which is not mounted where these tests run, and /proc/self/attr/current, whose answer depends on the host kernel',
	'nix-daemon-older-check': 'needs Nix and a running nix-daemon, which this machine does not have',
};

describe('the commands of the wizard, run where they can be', () => {
	it('either runs each command or says why it cannot run here', () => {
		expect([...commands.keys()].filter((id) => !(id in RUN_HERE) && !(id in NOT_HERE))).toEqual([]);
		expect(Object.keys({ ...RUN_HERE, ...NOT_HERE }).filter((id) => !commands.has(id))).toEqual([]);
		for (const id of Object.keys(RUN_HERE)) expect(commands.get(id), id).not.toMatch(/\bsudo\b/);
	});

	const runnable = Object.entries(RUN_HERE).filter(([, r]) => r.needs.every(has));

	it('runs most of them on this machine', () => {
		expect(runnable.length).toBeGreaterThanOrEqual(6);
	});

	it.each(runnable)('%s prints what the step describes', (id, r) => {
		const env = r.setUp?.() ?? {};
		r.shape(run(commands.get(id)!, env));
	});
});
