namespace Netvaerk.Meetings.Running;

/// <summary>Why a run action was refused, in Danish (the page's source text, translated by the t filter) and English
/// (API and hub), each saying what to do instead.</summary>
public static class RunSheetTexts
{
    public static string Danish(RunRefusal refusal) => refusal switch
    {
        RunRefusal.Cancelled => "Mødet er aflyst, så det kan ikke afvikles.",
        RunRefusal.NotStarted => "Mødet er ikke begyndt endnu. Tryk »Start nu«, hvis I vil begynde før tid.",
        RunRefusal.AlreadyEnded => "Mødet er afsluttet. Tryk »Forrige fase«, hvis det blev afsluttet ved en fejl.",
        RunRefusal.NothingBefore => "I er ved første fase; der er ingen fase før den.",
        RunRefusal.TooEarly => "Mødet kan tidligst startes en time før det begynder.",
        RunRefusal.ExtraLimit => "Fasen har allerede fået en time ekstra. Gå videre til næste fase.",
        RunRefusal.Empty => "Mødet har ingen dagsorden at afvikle. Vælg en mødeprotokol eller cases på mødesiden.",
        RunRefusal.Stale => "En anden har allerede skiftet fase. Her er mødet, som det står nu.",
        _ => "",
    };

    public static string English(RunRefusal refusal) => refusal switch
    {
        RunRefusal.Cancelled => "The meeting is cancelled, so it cannot be run.",
        RunRefusal.NotStarted => "The meeting has not begun. Send \"start\" to begin early.",
        RunRefusal.AlreadyEnded => "The meeting has ended. Send \"previous\" if it was ended by mistake.",
        RunRefusal.NothingBefore => "This is the first phase; there is none before it.",
        RunRefusal.TooEarly => "A meeting can be started at most one hour before it begins.",
        RunRefusal.ExtraLimit => "This phase already has an hour extra. Move on to the next phase.",
        RunRefusal.Empty => "The meeting has no agenda to run. Choose a protocol or cases for it first.",
        RunRefusal.Stale => "FromPosition is not the current position: someone else moved the meeting on. Nothing was changed; read the state and try again.",
        _ => "",
    };
}
