/** A renderer-neutral page: the panel draws it as blocks, the no-panel fallback as message text. */
export interface ProfileDocument {
    title: string;
    sections: DocumentSection[];
    footnotes: string[];
}

export interface DocumentSection {
    title: string;
    fields: DocumentField[];
    /** Sentences shown under the fields: a state, a freshness line, a reference. */
    notes: string[];
}

export interface DocumentField {
    label: string;
    /** Several values are shown one per line. */
    values: string[];
}
