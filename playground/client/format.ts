/** A time as the page prints it: the browser's hours, minutes and seconds, 24-hour. */
export const clockTime = (at: number) => new Date(at).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });
