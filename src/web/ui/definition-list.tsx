/** Label / value pairs (`<dl class="meta">`), the summary block at the top of most pages. */
import type { Child } from 'hono/jsx';

export interface Definition {
  label: Child;
  value: Child;
}

/** A pair, or nothing where a pair shows only sometimes (`cond ? pair : null`). */
export type DefinitionEntry = Definition | false | null | undefined;

export function DefinitionList(props: { items: readonly DefinitionEntry[]; class?: string }) {
  return (
    <dl class={props.class ?? 'meta'}>
      {props.items
        .filter((item): item is Definition => Boolean(item))
        .map((item) => (
          <>
            <dt>{item.label}</dt>
            <dd>{item.value}</dd>
          </>
        ))}
    </dl>
  );
}
