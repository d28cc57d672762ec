"""Array backends for the batched engine's matrix products: numpy (default) or PyTorch (CPU or GPU).

Only the boolean matrix products move; everything else stays in numpy. Choose with
`compile_rules(..., backend="torch")` or FOEDUS_BACKEND=torch; PyTorch is an optional extra
(`pip install 'foedus[gpu]'`) and uses CUDA when it is available.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from foedus.datarecord import dataclass
from foedus.errors import FoedusError
from foedus.settings import setting

__all__ = ["BACKENDS", "Backend", "check_backend", "get_backend"]

BACKENDS = ("numpy", "torch")


@dataclass(frozen=True)
class Backend:
    """A way to multiply float32 matrices; `device` is 'cpu' or 'cuda' for torch."""

    name: str = "numpy"
    device: str = "cpu"

    def matmul(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """a @ b as a float32 numpy array."""
        if self.name == "numpy":
            out: np.ndarray = a @ b
            return out
        torch = _torch()
        ta = torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32)).to(self.device)
        tb = torch.from_numpy(np.ascontiguousarray(b, dtype=np.float32)).to(self.device)
        result: np.ndarray = (ta @ tb).cpu().numpy()
        return result

    def any_product(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """(a @ b) > 0 for 0/1 matrices: which columns any selected row reaches."""
        if self.name == "numpy":
            out: np.ndarray = (a @ b) > 0
            return out
        torch = _torch()
        ta = torch.from_numpy(np.ascontiguousarray(a, dtype=np.float32)).to(self.device)
        tb = torch.from_numpy(np.ascontiguousarray(b, dtype=np.float32)).to(self.device)
        result: np.ndarray = ((ta @ tb) > 0).cpu().numpy()
        return result


def _torch() -> Any:
    try:
        import torch
    except ImportError:
        raise FoedusError("the torch backend needs PyTorch: pip install 'foedus[gpu]'") from None
    return torch


def get_backend(name: str | None = None) -> Backend:
    """The named backend (default: $FOEDUS_BACKEND, else numpy).

    Raises:
        FoedusError: the name is not a backend; SettingError: $FOEDUS_BACKEND is blank.
    """
    if not name and (chosen := setting("FOEDUS_BACKEND", " or ".join(BACKENDS))):
        name = check_backend(chosen, " (from $FOEDUS_BACKEND)")
    name = check_backend(name or "numpy")
    if name == "numpy":
        return Backend()
    torch = _torch()
    return Backend("torch", "cuda" if torch.cuda.is_available() else "cpu")


def check_backend(name: str, given: str = "") -> str:
    """`name`, if it is a backend (`BACKENDS`); checked before any work is done. `given` says where the name came
    from, when not from the command it is checked for (" (from $FOEDUS_BACKEND)").

    Raises:
        FoedusError: not one of them, naming it, where it came from, and them.
    """
    if name not in BACKENDS:
        raise FoedusError(f"unknown backend {name!r}{given}: choose {' or '.join(BACKENDS)}")
    return name
