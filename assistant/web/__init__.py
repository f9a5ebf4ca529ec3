"""The web assistant (gradio): chat for applicants, a console for hotline staff, the notice, an HTTP API."""
