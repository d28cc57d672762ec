// Pan and zoom for the map: the SVG's viewBox, moved by the wheel and by dragging, reset by double-click.
export const WIDTH = 960;

export interface View { x: number; y: number; w: number; h: number }

export class Zoom {
  view: View = { x: 0, y: 0, w: WIDTH, h: 500 };
  height = 500;

  constructor(private readonly svg: SVGSVGElement, private readonly onPick: (el: SVGElement) => void,
              private readonly onChange: () => void) {
    this.enableZoom();
  }

  resetView(): void {
    this.setView(0, 0, WIDTH, this.height);
  }

  private enableZoom(): void {
    let drag: { x: number; y: number; vx: number; vy: number; moved: boolean } | null = null;
    const scale = () => this.view.w / this.svg.getBoundingClientRect().width;
    this.svg.addEventListener("wheel", (ev) => {
      ev.preventDefault();
      const rect = this.svg.getBoundingClientRect();
      const factor = ev.deltaY < 0 ? 0.8 : 1.25;
      const w = Math.min(WIDTH, Math.max(WIDTH / 12, this.view.w * factor));
      const h = (w * this.height) / WIDTH;
      const px = this.view.x + ((ev.clientX - rect.left) / rect.width) * this.view.w;
      const py = this.view.y + ((ev.clientY - rect.top) / rect.height) * this.view.h;
      this.setView(px - ((px - this.view.x) * w) / this.view.w, py - ((py - this.view.y) * h) / this.view.h, w, h);
    }, { passive: false });
    this.svg.addEventListener("pointerdown", (ev) => {
      drag = { x: ev.clientX, y: ev.clientY, vx: this.view.x, vy: this.view.y, moved: false };
    });
    this.svg.addEventListener("pointermove", (ev) => {
      if (!drag) return;
      const dx = ev.clientX - drag.x;
      const dy = ev.clientY - drag.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) drag.moved = true;
      if (drag.moved) this.setView(drag.vx - dx * scale(), drag.vy - dy * scale(), this.view.w, this.view.h);
    });
    this.svg.addEventListener("pointerup", () => { setTimeout(() => { drag = null; }, 0); });
    this.svg.addEventListener("click", (ev) => {
      if (drag?.moved) return;
      const target = (ev.target as Element).closest("[data-iso3], [data-holder]") as SVGElement | null;
      if (target) this.onPick(target);
    });
    this.svg.addEventListener("dblclick", () => this.resetView());
  }

  setView(x: number, y: number, w: number, h: number): void {
    const cx = Math.min(Math.max(x, -w / 2), WIDTH - w / 2);
    const cy = Math.min(Math.max(y, -h / 2), this.height - h / 2);
    this.view = { x: cx, y: cy, w, h };
    this.svg.setAttribute("viewBox", `${cx.toFixed(1)} ${cy.toFixed(1)} ${w.toFixed(1)} ${h.toFixed(1)}`);
    this.onChange();
  }

}
