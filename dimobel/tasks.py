from celery import shared_task

from dimobel import mail, reminders


@shared_task(
    name="dimobel.send_email",
    autoretry_for=(OSError,),
    retry_backoff=True,
    retry_kwargs={"max_retries": 5},
)
def send_email(*, template_prefix, to_email, language, context):
    mail.send_templated_mail(template_prefix=template_prefix, to=to_email, language=language, context=context)


@shared_task(name="dimobel.send_due_reminders", soft_time_limit=240, time_limit=280)
def send_due_reminders():
    """The periodic reminder sweep (beat). Safe to run twice at once: each reminder goes out once."""
    return reminders.sweep()
