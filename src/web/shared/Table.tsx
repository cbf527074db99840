interface ColumnHeadsProps {
  names: readonly string[];
  /** The headings' class, where the table styles them. */
  className?: string;
  /** A last column named for screen readers only, e.g. a row's buttons ("Actions"). */
  hiddenLast?: string;
}

/** A table's header row: one column heading per name. */
export function ColumnHeads({ names, className, hiddenLast }: ColumnHeadsProps) {
  return (
    <thead>
      <tr>
        {names.map((name) => (
          <th key={name} scope="col" className={className}>
            {name}
          </th>
        ))}
        {hiddenLast && (
          <th scope="col" className={className}>
            <span className="sr-only">{hiddenLast}</span>
          </th>
        )}
      </tr>
    </thead>
  );
}
