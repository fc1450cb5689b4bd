using System.Globalization;
using Sferum.Classes;
using Sferum.Common;
using Sferum.Identity;
using Sferum.PersonalData;
using Sferum.Schools;

namespace Sferum.DataRequests;

/// <summary>
/// Writes the answer to an access request from what <see cref="SubjectDataReader"/> found, in the order of 152-FZ
/// art. 14 part 7. Other people appear only as counts: the answer goes to the requester, and a child's answer must not
/// tell one parent who the other parent or the classmates are.
/// </summary>
public static class AccessAnswerComposer
{
    private const string FromJournal = "электронный журнал школы (загрузка списков)";
    private const string FromProvider = "Госуслуги (ЕСИА), при входе человека в Сферум";
    private const string FromSferum = "записано Сферумом при работе человека в системе";

    public static AccessAnswer Compose(DataRequestRecord request, SchoolSummary school, OperatorDetails details, SubjectData data,
        RequestDeadlineOptions deadlines, DateOnly today)
    {
        var address = string.IsNullOrWhiteSpace(details.Address) ? $"{school.Region} (точный адрес школа указывает в ответе)" : details.Address;
        return new AccessAnswer(request.RequestId, school.Name, address, request.SubjectName, request.RequesterName, request.ByRepresentative,
            request.ReceivedOn, today,
            [
                new("processing", "1. Факт обработки персональных данных",
                [
                    new("Субъект персональных данных", request.SubjectName),
                    new("Обрабатываются ли данные", $"Да. Школа «{school.Name}» обрабатывает персональные данные этого человека в информационной системе «Сферум» (закрытое пространство общения школы)."),
                ]),
                new("basis", "2. Правовые основания и цели обработки", Basis(data)),
                new("methods", "3. Способы обработки",
                [
                    new("Способ", "Автоматизированная обработка в информационной системе «Сферум»; данные передаются только по защищённому соединению."),
                    new("Действия с данными", "сбор, запись, систематизация, накопление, хранение, уточнение (обновление, изменение), извлечение, использование, предоставление доступа участникам школы, блокирование, удаление, уничтожение."),
                ]),
                new("operator", "4. Оператор и лица, имеющие доступ к данным", Operator(school, details, address)),
                new("data", "5. Обрабатываемые данные и источник их получения", Data(data, SchoolClock.For(school.TimeZone))),
                new("periods", "6. Сроки обработки и хранения",
                [
                    new("Сроки", string.IsNullOrWhiteSpace(details.Retention)
                        ? "Данные обрабатываются, пока человек учится или работает в школе (состоит в её списках или классах) и пользуется Сферумом. После выбытия школа уничтожает их в сроки, установленные её правилами хранения; записи журнала действий хранятся в течение срока, установленного школой, и не изменяются."
                        : details.Retention),
                ]),
                new("rights", "7. Как осуществить другие права", Rights(deadlines, address)),
            ]);
    }

    private static List<AnswerLine> Basis(SubjectData data)
    {
        var lines = new List<AnswerLine>();
        if (data.RosterEntries.Count > 0)
        {
            lines.Add(new("Данные из списков школы", "Обработка необходима для выполнения функций, возложенных на школу законодательством об образовании (п. 2 ч. 1 ст. 6 Федерального закона № 152-ФЗ; Федеральный закон № 273-ФЗ «Об образовании в Российской Федерации»)."));
        }

        if (data.Account is not null)
        {
            lines.Add(new("Данные учётной записи", "Предоставлены самим человеком (для несовершеннолетнего — с участием законного представителя) при входе через Госуслуги; основание — согласие (п. 1 ч. 1 ст. 6, ст. 9 Федерального закона № 152-ФЗ)."));
        }

        lines.Add(new("Цели", "Общение учителей, учеников и родителей школы в закрытом пространстве: чаты классов и родителей, объявления, опросы, учебные материалы, видеовстречи; проверка того, что в чатах школы только её участники."));
        return lines;
    }

    private static List<AnswerLine> Operator(SchoolSummary school, OperatorDetails details, string address) =>
    [
        new("Оператор", $"{(string.IsNullOrWhiteSpace(details.LegalName) ? school.Name : details.LegalName)}, {address}"),
        new("Ответственный за организацию обработки персональных данных", string.IsNullOrWhiteSpace(details.Responsible) ? "—" : details.Responsible),
        new("Лица, обрабатывающие данные по поручению школы", string.IsNullOrWhiteSpace(details.Processors)
            ? "оператор платформы «Сферум» (размещение и обслуживание системы по договору со школой)"
            : details.Processors),
        new("Кто в школе видит данные", "Администраторы школы — все данные из раздела 5; учителя классов, одноклассники и участники тех же чатов — только имя и роль. Контактные данные (СНИЛС, телефон, электронная почта, дата рождения) видят только администраторы школы, и каждый такой просмотр записывается в журнал действий."),
        new("Передача третьим лицам", "Не производится, кроме случаев, предусмотренных федеральным законом."),
    ];

    private static List<AnswerLine> Data(SubjectData data, SchoolClock clock)
    {
        var lines = new List<AnswerLine>();
        if (data.Account is { } account)
        {
            lines.Add(new("Учётная запись: фамилия, имя, отчество", account.Name.FullName, FromProvider));
            lines.Add(new("Учётная запись: СНИЛС", account.Snils ?? "нет", FromProvider));
            lines.Add(new("Учётная запись: электронная почта (подтверждённая)", account.Email ?? "нет", FromProvider));
            lines.Add(new("Учётная запись: телефон (подтверждённый)", account.Phone ?? "нет", FromProvider));
            lines.Add(new("Учётная запись: уровень подтверждения", TrustText(account.Trust), FromProvider));
            lines.Add(new("Учётная запись: создана / последний вход", $"{Date(account.CreatedAt, clock)} / {Date(account.LastSignInAt, clock)}", FromSferum));
        }
        else
        {
            lines.Add(new("Учётная запись в Сферуме", "нет (человек не входил в Сферум)"));
        }

        foreach (var e in data.RosterEntries)
        {
            var prefix = $"Запись в списках школы ({RoleText(e.Role)})";
            lines.Add(new($"{prefix}: фамилия, имя, отчество", e.Name.FullName, FromJournal));
            lines.Add(new($"{prefix}: дата рождения", e.BirthDate?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture) ?? "нет", FromJournal));
            lines.Add(new($"{prefix}: СНИЛС", e.Snils ?? "нет", FromJournal));
            lines.Add(new($"{prefix}: электронная почта, телефон", $"{e.Email ?? "нет"}, {e.Phone ?? "нет"}", FromJournal));
            if (e.Position is not null)
            {
                lines.Add(new($"{prefix}: должность", e.Position, FromJournal));
            }

            lines.Add(new($"{prefix}: идентификатор в журнале, внесена", $"{e.JournalId}, {Date(e.AddedAt, clock)}" + (e.RemovedAt is { } removed ? $", выбыл(а) {Date(removed, clock)}" : ""), FromJournal));
        }

        if (data.Classes.Count > 0)
        {
            lines.Add(new("Классы и роль в них", string.Join("; ", data.Classes.Select(c => $"{c.ClassName} ({c.AcademicYear}) — {ClassRoleText(c.Role)}{(c.ByInvitation ? ", по приглашению" : "")}")),
                data.Classes.Any(c => c.ByInvitation) ? $"{FromJournal}; приглашения по ссылке" : FromJournal));
        }

        if (data.LinkedRepresentatives > 0)
        {
            lines.Add(new("Законные представители", $"указано: {data.LinkedRepresentatives} (их данные в этот ответ не включаются)", FromJournal));
        }

        if (data.LinkedChildren > 0)
        {
            lines.Add(new("Дети, законным представителем которых человек указан", $"указано: {data.LinkedChildren} (их данные в этот ответ не включаются)", FromJournal));
        }

        lines.Add(new("Участие в чатах школы", $"чаты классов — по спискам; личных чатов: {data.DirectChats}, групп: {data.GroupChats}, сообществ: {data.Communities}", FromSferum));
        lines.Add(new("Сообщения, написанные в чатах школы", $"{data.Messages}, прикреплённых к ним файлов: {data.Files}", "сам человек"));
        if (data.Materials > 0)
        {
            lines.Add(new("Опубликованные учебные материалы", data.Materials.ToString(CultureInfo.InvariantCulture), "сам человек"));
        }

        if (data.ReportsFiled > 0)
        {
            lines.Add(new("Поданные жалобы на сообщения", data.ReportsFiled.ToString(CultureInfo.InvariantCulture), "сам человек"));
        }

        lines.Add(new("Сеансы входа (устройство, сетевой адрес, время)", data.Sessions.ToString(CultureInfo.InvariantCulture), FromSferum));
        lines.Add(new("Записи журнала действий о человеке (кто и когда просматривал или изменял данные)", data.AuditEntries.ToString(CultureInfo.InvariantCulture), FromSferum));
        return lines;
    }

    private static List<AnswerLine> Rights(RequestDeadlineOptions d, string address) =>
    [
        new("Уточнение", $"Потребовать уточнения неполных, устаревших или неточных данных; исполняется в течение {d.CorrectionWorkingDays} рабочих дней (ч. 1 ст. 14, ч. 2 ст. 21 Федерального закона № 152-ФЗ)."),
        new("Блокирование и уничтожение", $"Потребовать блокирования или уничтожения данных, полученных незаконно или не нужных для цели обработки; неправомерная обработка прекращается в течение {d.UnlawfulStopWorkingDays} рабочих дней, а данные, обработку которых нельзя сделать правомерной, уничтожаются в течение {d.UnlawfulDestroyWorkingDays} рабочих дней (ч. 3 ст. 21)."),
        new("Отзыв согласия", $"Отозвать согласие на обработку; данные, обрабатываемые только на его основании, уничтожаются в течение {d.WithdrawalDays} дней (ч. 2 ст. 9, ч. 5 ст. 21)."),
        new("Повторный запрос", "Направить повторный запрос — не ранее чем через 30 дней после первого, если федеральным законом не установлен меньший срок (ч. 4 ст. 14)."),
        new("Как обратиться", $"Письменно или лично в школу: {address}. В запросе укажите документ, удостоверяющий личность (для законного представителя — и документ о полномочиях), и подпишите его."),
        new("Обжалование", "Обжаловать действия или бездействие школы в Роскомнадзор (уполномоченный орган по защите прав субъектов персональных данных) или в суд (ст. 17)."),
    ];

    // The school's calendar day: an account made at 01:00 in Vladivostok was made that day, not the day before (UTC).
    private static string Date(DateTimeOffset at, SchoolClock clock) => SchoolClock.Format(clock.Date(at));

    private static string RoleText(int role) => role switch { 0 => "ученик", 1 => "родитель", _ => "сотрудник" };

    private static string ClassRoleText(ClassRole role) => role switch
    {
        ClassRole.Student => "ученик",
        ClassRole.Parent => "родитель ученика класса",
        ClassRole.HomeroomTeacher => "классный руководитель",
        _ => "учитель",
    };

    private static string TrustText(TrustLevel trust) => trust switch
    {
        TrustLevel.Confirmed => "подтверждённая",
        TrustLevel.Standard => "стандартная",
        _ => "упрощённая",
    };
}
