/**
 * Pages assembled from sections that modules contribute (ADR 0019). The module that owns a page declares the page
 * as a slot and the data it has already read (by declaration merging into `PageSlots`); other modules contribute
 * sections to it in their manifest, each with an order, and the owning page renders them in that order.
 */
import type { Child } from 'hono/jsx';
import type { AppContext } from './context.js';

/** Slot name → the data the owning page passes to each section. Modules add their slots to this interface. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface PageSlots {}
export type PageSlot = keyof PageSlots;

export interface Feed {
  title: string;
  path: string;
}

export interface RenderedSection {
  section: Child;
  feeds?: readonly Feed[];
}

export interface Section<S extends PageSlot = PageSlot> {
  slot: S;
  /** Lower first; the owning page's own content has no order, sections follow it. */
  order: number;
  /** A stable name, for the registry's duplicate check and for tests. */
  id: string;
  render: (c: AppContext, data: PageSlots[S]) => Promise<RenderedSection | null>;
}

/** A section for any slot, as a manifest lists them. */
export type SectionContribution = { [S in PageSlot]: Section<S> }[PageSlot];

interface RegisteredSection {
  slot: string;
  order: number;
  id: string;
}

const sections = new Map<string, RegisteredSection>();

export function registerSections(...added: readonly SectionContribution[]): void {
  for (const section of added as readonly RegisteredSection[]) {
    const existing = sections.get(section.id);
    if (existing && existing !== section) throw new Error(`A section "${section.id}" is already registered`);
    sections.set(section.id, section);
  }
}

export function sectionsFor<S extends PageSlot>(slot: S): Section<S>[] {
  return [...sections.values()].filter((s) => s.slot === slot).sort((a, b) => a.order - b.order) as unknown as Section<S>[];
}

/** Renders a slot's sections in order; the feeds they offer are gathered for the page's head. */
export async function renderSections<S extends PageSlot>(c: AppContext, slot: S, data: PageSlots[S]): Promise<{ sections: Child[]; feeds: Feed[] }> {
  const rendered = await Promise.all(sectionsFor(slot).map((s) => s.render(c, data)));
  const present = rendered.filter((r): r is RenderedSection => r !== null);
  return { sections: present.map((r) => r.section), feeds: present.flatMap((r) => r.feeds ?? []) };
}
