"""The web UI entry: `python app.py` serves the assistant on ASSISTANT_HOST:ASSISTANT_PORT (offline by default)."""

import os

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")


def main() -> None:
    import uvicorn

    from assistant.config import load_settings
    from assistant.web.server import build_app

    settings = load_settings()
    mode = f"语言模型 {settings.llm_model}" if settings.llm_configured else "离线模式"
    print(f"机电工程师职称评审助手（{mode}）：http://{settings.host}:{settings.port}", flush=True)
    if settings.workers > 1:  # stateless workers behind one port: sessions live in the shared store
        if settings.session_url.startswith("memory"):
            raise SystemExit("ASSISTANT_WORKERS>1 需要共享的会话存储（ASSISTANT_SESSION_URL=sqlite:///… 或 redis://…）。")
        uvicorn.run("assistant.web.server:create_app", factory=True, workers=settings.workers,
                    host=settings.host, port=settings.port, log_level="warning")
    else:
        uvicorn.run(build_app(settings), host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()
