// The page's "Copy link" and its jump to the result on a narrow screen.
import { byId } from "./dom";

/** Copy the scenario's link to the clipboard, or show it in the status line where the page may not. */
export async function copyLink(url: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(url);
    byId("status").textContent = "Link copied.";
  } catch {
    byId("status").textContent = url;
  }
}

/** On a narrow screen (one column, the form first) bring the map and then the summary into view once Run has shown
 * a result, so a reader on a phone does not scroll back past the whole form; on a wide one all are in view already. */
export function toResult(): void {
  if (matchMedia("(max-width: 1100px)").matches) byId("map-panel").scrollIntoView({ block: "start" });
}
