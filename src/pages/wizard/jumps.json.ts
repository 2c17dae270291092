/**
 * The wizard's jump table (src/wizard/engine.ts, WizardJumps): each article's
 * result step and each step's parent. A wizard step's paste box fetches it on
 * the first paste, so no step page carries the whole tree.
 */
import type { APIRoute } from 'astro';
import { jumpsOf } from '../../wizard/engine.ts';
import { wizard } from '../../wizard/site.ts';

export const GET: APIRoute = () => new Response(JSON.stringify(jumpsOf(wizard().tree)), { headers: { 'Content-Type': 'application/json' } });
