using Sferum.Common;

namespace Sferum.Polls;

/// <summary>What makes a poll and a vote valid. Pure, so the rules read (and test) on their own.</summary>
public static class PollRules
{
    public const int MaxQuestion = 300;
    public const int MaxOption = 100;
    public const int MinOptions = 2;
    public const int MaxOptions = 12;
    public static readonly TimeSpan MaxDeadline = TimeSpan.FromDays(365);

    public static PollDraft Normalize(PollDraft draft, DateTimeOffset now)
    {
        var question = (draft.Question ?? "").Trim();
        if (question.Length is 0 or > MaxQuestion)
        {
            throw new DomainException("poll.question-invalid", "Вопрос опроса: от 1 до {0} символов.", MaxQuestion);
        }

        var options = (draft.Options ?? []).Select(o => (o ?? "").Trim()).ToList();
        if (options.Count < MinOptions)
        {
            throw new DomainException("poll.options-too-few", "В опросе нужно хотя бы {0} варианта ответа.", MinOptions);
        }

        if (options.Count > MaxOptions)
        {
            throw new DomainException("poll.options-too-many", "В опросе не больше {0} вариантов ответа (сейчас {1}).", MaxOptions, options.Count);
        }

        for (var i = 0; i < options.Count; i++)
        {
            if (options[i].Length is 0 or > MaxOption)
            {
                throw new DomainException("poll.option-invalid", "Вариант {0}: от 1 до {1} символов.", i + 1, MaxOption);
            }

            if (options.Take(i).Any(o => string.Equals(o, options[i], StringComparison.CurrentCultureIgnoreCase)))
            {
                throw new DomainException("poll.option-duplicate", "Вариант {0} («{1}») повторяет другой.", i + 1, options[i]);
            }
        }

        if (draft.Deadline is { } deadline)
        {
            if (deadline <= now)
            {
                throw new DomainException("poll.deadline-past", "Срок опроса уже прошёл: выберите время в будущем.");
            }

            if (deadline - now > MaxDeadline)
            {
                throw new DomainException("poll.deadline-too-far", "Срок опроса — не дальше чем через год.");
            }
        }

        return draft with { Question = question, Options = options };
    }

    /// <summary>The chosen options as stored: distinct, in range, exactly one for a single-choice poll.</summary>
    public static short[] Choice(IReadOnlyList<int>? options, int optionCount, bool multiple)
    {
        var chosen = (options ?? []).Distinct().Order().ToList();
        if (chosen.Count == 0)
        {
            throw new DomainException("poll.vote-empty", "Выберите вариант ответа.");
        }

        if (chosen.Any(o => o < 0 || o >= optionCount))
        {
            throw new DomainException("poll.vote-invalid", "Такого варианта ответа в опросе нет.");
        }

        if (!multiple && chosen.Count > 1)
        {
            throw new DomainException("poll.vote-single", "В этом опросе можно выбрать только один вариант.");
        }

        return chosen.Select(o => (short)o).ToArray();
    }
}
