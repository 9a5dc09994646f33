"""Certificates: issue on completion, reissue, revoke. (Being written: see the certificates task.)"""


def issue_certificate(*, enrolment):
    raise NotImplementedError
