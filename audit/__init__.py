"""KTCV — inspection and discipline-audit system for one-stop desks (Directive 26/CT-TTg)."""
