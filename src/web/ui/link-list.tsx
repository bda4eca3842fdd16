/** Related links (a commitment's, a meeting's): each under its title, or its address when it has none. */
export function LinkList(props: { links: readonly { title: string; url: string }[] }) {
  return (
    <ul>
      {props.links.map((l) => (
        <li>
          <a href={l.url} rel="noopener">
            {l.title || l.url}
          </a>
        </li>
      ))}
    </ul>
  );
}
