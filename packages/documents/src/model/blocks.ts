/** What a document shows, independent of PDF: built from the form and the data, then laid out. */

/** Short answers, shown as label–value rows. */
export interface FieldsBlock {
  kind: 'fields';
  rows: Array<{ label: string; value: string }>;
}

/** A long free text under its label (`''` when the heading above names it). */
export interface TextBlock {
  kind: 'text';
  label: string;
  text: string;
}

/** A multiple choice or a list of simple values. */
export interface ListBlock {
  kind: 'list';
  label: string;
  items: string[];
}

export interface TableColumn {
  label: string;
  numeric: boolean;
}

/** An array of objects with few, short columns. `totals` has a value for each summed column. */
export interface TableBlock {
  kind: 'table';
  label: string;
  columns: TableColumn[];
  rows: string[][];
  totals?: Array<string | undefined>;
  /** The totals row's label («I alt»), in its first cell unless that column is summed. */
  totalLabel?: string;
}

/** A labelled part of a section: a sub-group of the UI schema, an object, or one item of a long array. */
export interface GroupBlock {
  kind: 'group';
  label: string;
  blocks: Block[];
}

export type Block = FieldsBlock | TextBlock | ListBlock | TableBlock | GroupBlock;

export interface Section {
  label: string;
  blocks: Block[];
}
