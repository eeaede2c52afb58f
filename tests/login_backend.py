"""The test settings' login backend (gongkai/settings/test.py): with the tests, not in an app that
production runs."""

from axes.backends import AxesStandaloneBackend


class AxesBackendAllowingTestClientLogin(AxesStandaloneBackend):
    """axes' backend, except for Django's test client's `login()`, which authenticates without a
    request (axes raises ValueError): that call is no attempt over HTTP, nothing to throttle.
    Production keeps axes' own backend, which refuses any authentication without a request."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
