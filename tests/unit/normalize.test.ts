import { describe, expect, it } from 'vitest';
import { normalizeLine, PREFIX_RULES, splitPrefixes, stripPrefixes, tokensOf, VALUE_RULES } from '../../src/lib/matcher/normalize.ts';

const rule = (name: string) => [...PREFIX_RULES, ...VALUE_RULES].find((r) => r.name === name)!;

describe('log prefixes are stripped', () => {
	it.each([
		['syslog-journal', 'Jan 18 14:04:36 sire-paperless mount[136]: mount: /sysroot/nix/store: special device overlay does not exist.', 'mount: /sysroot/nix/store: special device overlay does not exist.'],
		['syslog-journal', "Jan 18 14:04:36 sire-paperless kernel: overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2", "overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2"],
		['dmesg-time', '[    0.324712] overlayfs: upper fs missing required features.', 'overlayfs: upper fs missing required features.'],
		['dmesg-time', '[  +0.003430] audit: type=1400', 'audit: type=1400'],
		['iso-timestamp', '2024-11-20T10:11:12.1234567Z error: unable to load seccomp BPF program: Invalid argument', 'error: unable to load seccomp BPF program: Invalid argument'],
		['build-step-time', '22.67              error: unable to load seccomp BPF program: Invalid argument', 'error: unable to load seccomp BPF program: Invalid argument'],
		['build-step-time', '#12 3.456 error: unable to load seccomp BPF program: Invalid argument', 'error: unable to load seccomp BPF program: Invalid argument'],
		['nix-build-log', 'microvm-test-startup-shutdown> [    4.945547] /dev/disk/by-label/nix-store: Can\'t open blockdev', "/dev/disk/by-label/nix-store: Can't open blockdev"],
		['quote-marker', '> podman run --userns keep-id --rm docker.io/alpine:latest uptime', 'podman run --userns keep-id --rm docker.io/alpine:latest uptime'],
		['shell-prompt', '[admin@nixos:~]$ du -d1 /nix/store > /dev/null', 'du -d1 /nix/store > /dev/null'],
		['shell-prompt', '$ multipass launch core', 'multipass launch core'],
	])('%s: %s', (name, line, expected) => {
		expect(PREFIX_RULES.some((r) => r.name === name)).toBe(true);
		expect(stripPrefixes(line)).toBe(expected);
	});

	it('removes ANSI colour codes and control characters', () => {
		expect(stripPrefixes('\x1b[1;31merror:\x1b[0m unable\x07 to load')).toBe('error: unable  to load');
	});

	it('splits a line into what logged it (the journal identifier, never the date or host) and the rest', () => {
		const line = 'Mar 18 10:58:45 host microvm@guest0[56473]: [FAILED] Failed to mount /sysroot.';
		expect(splitPrefixes(line)).toEqual({ source: 'microvm@guest0[56473]', rest: '[FAILED] Failed to mount /sysroot.' });
		expect(splitPrefixes('> Mar 18 10:58:45 k8s-node1 podman[12]: Error: x')).toEqual({ source: 'podman[12]', rest: 'Error: x' });
		expect(splitPrefixes('[root@k8s-node1 ~]# podman run x')).toEqual({ source: '', rest: 'podman run x' });
		expect(splitPrefixes('\x1b[31m  Failed to mount /sysroot.')).toEqual({ source: '', rest: 'Failed to mount /sysroot.' });
	});
});

describe('values that differ between machines are replaced', () => {
	it.each([
		['quotes', 'make `/x/merged` private and ‘y’ and "z"', "make '/x/merged' private and 'y' and 'z'"],
		['escaped-quote', 'msg="invalid internal status: exec: \\"newuidmap\\": executable file not found in $PATH"', "msg='invalid internal status: exec: 'newuidmap': executable file not found in $path'"],
		['escaped-quote', 'command: "\\"sh\\" \\"-lc\\" \\\\\\"nested\\\\\\""', "command: ''sh' '-lc' 'nested''"],
		['ellipsis', '… while setting up the build environment', '... while setting up the build environment'],
		['nix-store-hash', '/nix/store/30gnc15nig1awa11vii9yz3z8518rnr3-nix-2.24.10/bin/nix-env', '/nix/store/#-nix-2.24.10/bin/nix-env'],
		['uuid', 'libvirt-0f8fad5b-d9cb-469f-a165-70867728950e', 'libvirt-#uuid'],
		['ipv4', 'laddr=192.168.1.20 lport=898 faddr=10.0.0.5 fport=2049', 'laddr=#ip lport=898 faddr=#ip fport=2049'],
		['long-hex', 'storage/overlay/92d9e05b417080948da582a7692770bb91c16d8e84e9bf78f58d13739cce1b92/merged', 'storage/overlay/#hex/merged'],
		['pid', 'apparmor="DENIED" pid=1888056 comm="snap-confine"', "apparmor='denied' pid=# comm='snap-confine'"],
		['bracket-pid', 'mount[136]: mount failed', 'mount[#]: mount failed'],
		['audit-stamp', 'audit(1613952522.168:51): apparmor', 'audit(#): apparmor'],
		['home-dir', 'open `/home/solene/.local/share/containers`', "open '/home/#/.local/share/containers'"],
		['long-number', 'ubuntu-22.04-server jammy-20240301 took 991.972275', 'ubuntu-22.04-server jammy-# took #'],
		['space', 'mount[136]:        dmesg(1)', 'mount[#]: dmesg(1)'],
	])('%s: %s', (name, text, expected) => {
		expect(rule(name)).toBeDefined();
		expect(normalizeLine(text)).toBe(expected);
	});

	it('keeps the short numbers that carry meaning (errno, ports, exit codes)', () => {
		expect(normalizeLine("overlayfs: failed to resolve '/sysroot/nix/.ro-store': -2")).toContain("': -2");
		expect(normalizeLine('fport=2049 family="inet"')).toBe("fport=2049 family='inet'");
	});

	it('splits a normalised line into words', () => {
		expect(tokensOf(normalizeLine('Error: crun: make `/x/92d9e05b417080948da5/merged` private'))).toEqual(['error', 'crun', 'make', 'x', '#hex', 'merged', 'private']);
	});
});
