from zeroerror.core.demo import register_demo_step  # noqa: F401
