/**
 * The one registry of products and subsystems. Article front matter, the
 * product index pages and the search filters all take their names from here,
 * so adding a product is a one-line change in this file.
 */

/** Software a reader runs and searches for by name. */
export const PRODUCTS = {
	'microvm-nix': { name: 'microvm.nix', blurb: 'NixOS MicroVMs on qemu, cloud-hypervisor, firecracker and friends.' },
	multipass: { name: 'Multipass', blurb: "Canonical's Ubuntu VM manager, shipped as a snap." },
	podman: { name: 'Podman', blurb: 'Daemonless containers, rootless by default.' },
	crun: { name: 'crun', blurb: 'The OCI runtime in C that rootless Podman uses on most distributions.' },
	buildah: { name: 'Buildah', blurb: 'Building OCI images without a daemon; shares its storage and user-namespace code with Podman.' },
	'nix-installer': { name: 'Nix installer', blurb: "Determinate Systems' nix-installer and the official install script." },
	nix: { name: 'Nix', blurb: 'The package manager and its build sandbox.' },
	nixos: { name: 'NixOS', blurb: 'NixOS modules and the systemd initrd.' },
	postfix: { name: 'Postfix', blurb: 'The mail server, and its postmap/postalias tools.' },
	qemu: { name: 'QEMU', blurb: 'Full-system and user-mode emulation.' },
	docker: { name: 'Docker', blurb: 'Docker Engine and buildx multi-platform builds.' },
	distrobox: { name: 'Distrobox', blurb: 'Desktop containers on top of Podman or Docker.' },
	'linux-kernel': { name: 'Linux kernel', blurb: 'The kernel pieces under everything else.' },
	systemd: { name: 'systemd', blurb: 'Units, mounts and the initrd.' },
	snapd: { name: 'snapd', blurb: 'Snap confinement and its AppArmor profiles.' },
	libvirt: { name: 'libvirt', blurb: 'The virtualisation API and its qemu driver.' },
	wsl: { name: 'WSL', blurb: 'Windows Subsystem for Linux, versions 1 and 2.' },
} as const;

/** Kernel and system mechanisms an article's cause lives in. */
export const SUBSYSTEMS = {
	erofs: 'EROFS',
	squashfs: 'SquashFS',
	overlayfs: 'OverlayFS',
	virtiofs: 'virtiofs',
	'9p': '9p',
	nfs: 'NFS',
	apparmor: 'AppArmor',
	seccomp: 'seccomp',
	'user-namespaces': 'user namespaces',
	'file-permissions': 'file ownership and permissions',
	'systemd-units': 'systemd unit ordering',
	initrd: 'initrd (stage 1)',
	emulation: 'CPU emulation (qemu-user, Rosetta)',
	'nix-sandbox': 'Nix build sandbox',
	fuse: 'FUSE',
	cgroups: 'cgroups',
	selinux: 'SELinux',
	'installer-state': 'installer state (receipts, profile backups, build users, daemon units)',
	network: 'networking (DNS, proxies, downloads)',
	'oci-runtime': 'the OCI runtime and the runtime-spec version it accepts',
	'container-storage': 'container storage (layers, images and the libpod database)',
	'nix-evaluation': 'Nix evaluation (flakes, pure mode, importing nixpkgs)',
} as const;

export type ProductId = keyof typeof PRODUCTS;
export type SubsystemId = keyof typeof SUBSYSTEMS;

// `@__PURE__`: a bundle that uses neither list (the paste box's worker and page script) drops them, and the
// product and subsystem tables with them, instead of computing them at load for nothing.
export const PRODUCT_IDS = /* @__PURE__ */ Object.keys(PRODUCTS) as [ProductId, ...ProductId[]];
export const SUBSYSTEM_IDS = /* @__PURE__ */ Object.keys(SUBSYSTEMS) as [SubsystemId, ...SubsystemId[]];

/** The display name of a product, e.g. `microvm.nix` for `microvm-nix`. */
export function productName(id: ProductId): string {
	return PRODUCTS[id].name;
}

/**
 * The fixed run of sections every article body has, in this order. The body
 * check, the article template and the section anchors all read this list.
 */
export const ARTICLE_SECTIONS = [
	'Symptoms',
	'Error messages',
	'Root cause',
	'How to confirm',
	'Fixes',
	'Affected versions',
	'References',
] as const;

export type ArticleSection = (typeof ARTICLE_SECTIONS)[number];

/**
 * The permanent anchor of each section. Links into articles use these, so
 * they must never change, even if a heading's wording does.
 */
export const SECTION_ANCHORS: Record<ArticleSection, string> = {
	Symptoms: 'symptoms',
	'Error messages': 'error-messages',
	'Root cause': 'root-cause',
	'How to confirm': 'how-to-confirm',
	Fixes: 'fixes',
	'Affected versions': 'affected-versions',
	References: 'references',
};

/**
 * Where the components an MDX article may import live (CONTRIBUTING.md,
 * "Markdown or MDX"): an article imports `~/components/articles/<Name>.astro`
 * and nothing else, so every piece of code a page runs at build time is
 * reviewed as a component, never written inside an article.
 */
export const ARTICLE_COMPONENTS_DIR = 'src/components/articles';
