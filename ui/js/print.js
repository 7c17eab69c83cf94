// File > Print… and Ctrl+P: the open comparison, as a cheat sheet (the print
// rules in styles.css decide what is on paper; the system dialog also saves
// it as a PDF). Nothing else in the app is worth printing.

export const NOTHING_TO_PRINT = "Open a comparison to print it";

/**
 * Prints the comparison on screen, or says how to get one.
 * @param {{ document: Pick<Document, "getElementById">, print: () => void, toast: (message: string) => void }} on
 * @returns {boolean} whether it printed
 */
export function printComparison({ document, print, toast }) {
  if (!document.getElementById("comparison")) {
    toast(NOTHING_TO_PRINT);
    return false;
  }
  print();
  return true;
}
