"""A module's question-and-answer thread, for its enrolled learners, instructors and staff."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from autumn_school import permissions
from autumn_school.forms.questions import AnswerForm, QuestionForm
from autumn_school.selectors.questions import answers_of, questions_of
from autumn_school.services import questions as services
from dimobel.errors import DomainError

PAGE_SIZE = 20


@login_required
def question_list(request, slug):
    module = permissions.get_module_for_learner(request.user, slug)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            question = services.ask_question(module=module, author=request.user, **form.cleaned_data)
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your question is posted. The instructors will be told about it."))
            return redirect("autumn_school:question", slug=module.slug, question_id=question.pk)
    page = Paginator(questions_of(module), PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"module": module, "page_obj": page, "form": form, "show_form": request.method == "POST"}
    return render(request, "autumn_school/questions/list.html", context)


@login_required
def question_detail(request, slug, question_id):
    module = permissions.get_module_for_learner(request.user, slug)
    question = get_object_or_404(module.questions.select_related("author"), pk=question_id)
    form = AnswerForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            answer = services.answer_question(question=question, author=request.user, body=form.cleaned_data["body"])
        except DomainError as error:
            messages.error(request, str(error))
        else:
            messages.success(request, _("Your answer is posted."))
            url = request.path + f"#answer-{answer.pk}"
            return redirect(url)
    context = {
        "module": module,
        "question": question,
        "answers": answers_of(question),
        "form": form,
        "asker_is_instructor": permissions.is_instructor(question.author, module),
    }
    return render(request, "autumn_school/questions/detail.html", context)
