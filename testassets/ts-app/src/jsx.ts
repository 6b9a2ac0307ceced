// A tiny classic-runtime JSX factory: `<p>x</p>` compiles to `h('p', null, 'x')`.
export type Child = Node | string | number | boolean | null | undefined | Child[];
type Props = Record<string, unknown> & { children?: Child[] };
type Component = (props: Props) => Node;

declare global {
  namespace JSX {
    type Element = Node;
    interface IntrinsicElements {
      [tag: string]: Record<string, unknown>;
    }
  }
}

function append(parent: Node, child: Child): void {
  if (Array.isArray(child)) {
    for (const c of child) append(parent, c);
  } else if (child instanceof Node) {
    parent.appendChild(child);
  } else if (child != null && child !== false && child !== true) {
    parent.appendChild(document.createTextNode(String(child)));
  }
}

export function Fragment(props: { children?: Child[] }): Node {
  const frag = document.createDocumentFragment();
  append(frag, props.children ?? []);
  return frag;
}

export function h(tag: string | Component, props: Record<string, unknown> | null, ...children: Child[]): Node {
  if (typeof tag === 'function') return tag({ ...props, children });
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props ?? {})) {
    if (key === 'className' || key === 'class') {
      el.className = String(value);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2).toLowerCase(), value as EventListener);
    } else if (value != null && value !== false) {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}
