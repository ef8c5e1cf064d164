export function percentile(samples: number[], p: number): number {
    const sorted = [...samples].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const ms = (value: number): string => `${value.toFixed(1)} ms`;

export function table(title: string, rows: Array<Record<string, string | number>>): void {
    console.log(`\n${title}`);
    const columns = Object.keys(rows[0] ?? {});
    const width = columns.map((column) => Math.max(column.length, ...rows.map((row) => String(row[column]).length)));
    const line = (cells: string[]) => `| ${cells.map((cell, index) => cell.padEnd(width[index])).join(' | ')} |`;
    console.log(line(columns));
    console.log(`|${width.map((w) => '-'.repeat(w + 2)).join('|')}|`);
    rows.forEach((row) => console.log(line(columns.map((column) => String(row[column])))));
}
