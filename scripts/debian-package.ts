/**
 * Installing a Debian package for the tests when a tool they need is
 * missing: only as root and only where apt-get exists (as on CI, a fresh
 * Debian machine); otherwise the caller prints how to get the tool.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Whether this process may install Debian packages itself (root, with apt-get). */
export function canInstallWithApt(): boolean {
	return process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
}

/** `apt-get update`, then `apt-get install -y <pkg>...`, non-interactive, output shown; throws when apt-get fails. */
export function aptInstall(pkg: string | readonly string[]): void {
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '-qq', ...(typeof pkg === 'string' ? [pkg] : pkg)], { stdio: 'inherit', env });
}
