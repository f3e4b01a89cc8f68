<#-- Shown by zt-trusted-device after a second factor: trust this browser for a while, or not. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false; section>
    <#if section = "header">
        ${msg("ztTrustTitle")}
    <#elseif section = "form">
        <form id="zt-trust-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <fieldset class="zt-trust" aria-describedby="zt-trust-text zt-trust-hint">
                <legend class="zt-trust__legend">${msg("ztTrustQuestion")}</legend>
                <p id="zt-trust-text" class="instruction">
                    <#if ztTrustUnit == "DAYS">${msg("ztTrustTextDays", ztTrustAmount)}<#elseif ztTrustUnit == "HOURS">${msg("ztTrustTextHours", ztTrustAmount)}<#else>${msg("ztTrustTextMinutes", ztTrustAmount)}</#if>
                </p>
                <p id="zt-trust-hint" class="instruction">${msg("ztTrustHint")}</p>
                <div class="${properties.kcFormGroupClass!} zt-trust__actions">
                    <button id="zt-trust-yes" class="${properties.kcButtonPrimaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" name="zt-trust" value="trust" autofocus>${msg("ztTrustYes")}</button>
                    <button id="zt-trust-no" class="${properties.kcButtonSecondaryClass!} ${properties.kcButtonBlockClass!}"
                            type="submit" name="zt-trust" value="skip">${msg("ztTrustNo")}</button>
                </div>
            </fieldset>
        </form>
    </#if>
</@layout.registrationLayout>
